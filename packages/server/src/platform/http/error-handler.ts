import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorBody, ErrorId } from '@carillon/protocol/errors';
import { AppError } from '../errors';

/** Fastify's own error codes, translated into our vocabulary. */
const fastifyCodes: Record<string, ErrorId> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_body',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_body',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed_body',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_TYPE: 'unsupported_media_type',
  // @fastify/multipart: a file past its limit, or more parts than a route takes.
  FST_REQ_FILE_TOO_LARGE: 'payload_too_large',
  FST_FILES_LIMIT: 'payload_too_large',
  FST_PARTS_LIMIT: 'payload_too_large',
  FST_FIELDS_LIMIT: 'payload_too_large',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
  FST_MP_PREMATURE_CLOSE: 'malformed_body',
  FST_PROTO_VIOLATION: 'malformed_body',
};

function toAppError(error: FastifyError | Error): AppError | undefined {
  if (error instanceof AppError) return error;
  const code = (error as FastifyError).code;
  const id = code ? fastifyCodes[code] : undefined;
  if (id) return new AppError(id, error.message);
  // JSON.parse failures surface as SyntaxError with a 400 status.
  if (error instanceof SyntaxError && (error as FastifyError).statusCode === 400)
    return new AppError('malformed_body', 'The body is not valid JSON.');
  return undefined;
}

/** Every failure leaves as `{ error: { id, message, details? } }`; internals are never leaked. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const known = toAppError(error);
    if (!known) request.log.error({ err: error }, 'unhandled error');
    const appError = known ?? new AppError('internal', 'Something went wrong on our side.');
    const body: ErrorBody = {
      error: {
        id: appError.id,
        message: appError.message,
        ...(appError.details === undefined ? {} : { details: appError.details }),
      },
    };
    return reply.code(appError.status).send(body);
  });
}
