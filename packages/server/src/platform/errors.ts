import { errorStatus, type ErrorId } from '@carillon/protocol/errors';

/**
 * The one error type domain code throws. Routes never build error bodies;
 * the HTTP layer turns an AppError into `{ error: { id, message, details } }`
 * with the status from the protocol's table.
 */
export class AppError extends Error {
  constructor(
    readonly id: ErrorId,
    message: string,
    readonly details?: unknown,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'AppError';
  }

  get status(): number {
    return errorStatus[this.id];
  }
}

/** Shorthand for the commonest failure: the thing is absent or not yours to see. */
export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} not found.`);
}
