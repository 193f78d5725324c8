import { z } from 'zod';
import { AccessPurpose } from './audit';
import { Id, Password, Timestamp } from './common';

export const OperatorLoginBody = z
  .object({ username: z.string().trim().min(1).max(64), password: Password })
  .strict();

export const OperatorGrant = z.object({
  operatorId: Id,
  token: z.string(),
  csrfToken: z.string(),
  expiresAt: Timestamp,
});

export const OutboxEntry = z.object({
  id: Id,
  channel: z.enum(['sms', 'email']),
  destination: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  createdAt: Timestamp,
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

export const OutboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Reading the outbox reads people's phone numbers and e-mails, so each read states why. */
  purpose: AccessPurpose,
});
export const OutboxList = z.object({ entries: z.array(OutboxEntry) });
