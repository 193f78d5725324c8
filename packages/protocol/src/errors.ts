import { z } from 'zod';

/**
 * Every error the API can answer, with its HTTP status. One table, so the
 * server, the client and the OpenAPI document never disagree about an id.
 */
export const errorStatus = {
  validation_failed: 400,
  malformed_body: 400,
  weak_password: 400,
  code_invalid: 400,
  invalid_phone: 400,
  invalid_image: 400,
  edition_disallows: 400,
  token_invalid: 400,
  age_restricted: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  account_frozen: 403,
  account_disabled: 403,
  feature_disabled: 403,
  consent_required: 403,
  not_found: 404,
  method_not_allowed: 405,
  account_exists: 409,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  range_not_satisfiable: 416,
  rate_limited: 429,
  too_many_attempts: 429,
  internal: 500,
  unavailable: 503,
} as const;

/** A stable snake_case error id. */
export type ErrorId = keyof typeof errorStatus;

export const errorIds = Object.keys(errorStatus) as [ErrorId, ...ErrorId[]];

/** The body of every error response. */
export const ErrorBody = z.object({
  error: z.object({
    id: z.enum(errorIds),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
