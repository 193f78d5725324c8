import { ErrorBody, type ErrorId } from '@carillon/protocol/errors';

/** An error id the client adds for failures that never reached the server. */
export type ClientErrorId = ErrorId | 'network' | 'bad_response';

/** A failed API call, carrying the server's `{error:{id,message,details}}` so the UI can show it. */
export class ApiError extends Error {
  constructor(
    readonly id: ClientErrorId,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Reads an error response; a body that is not our shape still becomes an ApiError. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const parsed = ErrorBody.safeParse(await response.json().catch(() => null));
  if (parsed.success) {
    const { id, message, details } = parsed.data.error;
    return new ApiError(id, message, response.status, details);
  }
  return new ApiError('bad_response', response.statusText, response.status);
}
