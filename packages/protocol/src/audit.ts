import { z } from 'zod';
import { Timestamp } from './common';

/** Why someone reads another person's data; stored in the audit log and shown to that person. */
export const AccessPurpose = z
  .string()
  .trim()
  .min(3)
  .max(200)
  .describe('Why the data is read; recorded in the audit log and shown to the people concerned.');

/** Position of an entry in the audit log; entries are numbered 1, 2, 3, … without gaps. */
export const AuditSeq = z.number().int().positive();

/** Keyset paging over the caller's access log: entries older than `before`, newest first. */
export const AccessLogQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** One audit entry about the caller, without the identity of whoever acted. */
export const AccessLogEntry = z.object({
  seq: AuditSeq,
  at: Timestamp,
  actorKind: z.enum(['user', 'operator', 'system']),
  /** True when the caller did this themselves. */
  byYou: z.boolean(),
  action: z.string().describe('`<entity>.<past-verb>`, e.g. `outbox.read` or `account.frozen`.'),
  purpose: z.string().nullable(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntry>;

/** A page of the access log; pass `nextBefore` as `before` for the next page, null at the end. */
export const AccessLogPage = z.object({
  entries: z.array(AccessLogEntry),
  nextBefore: AuditSeq.nullable(),
});

/** What checking the whole audit log found; `problems` is empty exactly when `ok`. */
export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  entries: z.number().int().nonnegative(),
  checkpoints: z.number().int().nonnegative(),
  problems: z.array(z.string()),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;
