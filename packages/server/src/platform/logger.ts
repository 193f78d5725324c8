import type { FastifyBaseLogger } from 'fastify';
import pino, { type DestinationStream } from 'pino';

/**
 * Paths pino blanks out wherever they appear. Request bodies are never logged
 * at all; these catch anything that reaches a log line by other means.
 */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.code',
  '*.token',
  '*.csrfToken',
  '*.phone',
  '*.email',
  '*.body',
  '*.text',
  // Database drivers put offending values in these (e.g. "Key (phone)=(+65…) exists").
  'err.detail',
  'err.parameters',
  'err.where',
];

/** JSON logs; `stream` lets tests read exactly what would be written. */
export function createLogger(level: string, stream?: DestinationStream): FastifyBaseLogger {
  return pino({ level, redact: { paths: redactedPaths, censor: '[redacted]' } }, stream);
}
