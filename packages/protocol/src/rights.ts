import { z } from 'zod';
import { AccessPurpose } from './audit';
import { OneTimeCode, RequestCodeResult } from './auth';
import { Id, Password, Timestamp } from './common';
import { UpdateProfileBody } from './profiles';

/**
 * What a person can ask of Carillon about their data (PRIV-5, PRIV-22, ACC-8),
 * plus complaints (SUP-2). Each kind has its own body below.
 */
export const RightsRequestKind = z.enum([
  'access',
  'copy',
  'correct',
  'delete',
  'restrict',
  'withdraw_consent',
  'cancel_account',
  'automated_decision',
  'complaint',
]);
export type RightsRequestKind = z.infer<typeof RightsRequestKind>;

/**
 * Where a request stands. `withdrawn` ends a request its owner called off
 * (signing in during an account cancellation's cooling-off period).
 */
export const RightsRequestStatus = z.enum([
  'submitted',
  'verified',
  'in_progress',
  'fulfilled',
  'refused',
  'withdrawn',
]);
export type RightsRequestStatus = z.infer<typeof RightsRequestStatus>;

/** A Fides data category key such as `user.contact.phone_number`. */
export const DataCategory = z
  .string()
  .regex(/^[a-z][a-z_]*(\.[a-z][a-z_]*)*$/, 'A data category is a dotted Fides key.')
  .max(120);

/** Free text a person writes to the operator. */
export const RequestText = z.string().trim().min(1).max(4000);

/** Profile fields a correction may set directly; they are applied without waiting for anyone. */
export const ProfileCorrection = UpdateProfileBody.omit({ visibility: true }).refine(
  (b) => Object.keys(b).length > 0,
  { message: 'Name at least one field.' },
);

const nothing = z.object({}).strict();
const oneOf = (keys: string[]) => ({
  check: (b: Record<string, unknown>) => keys.some((k) => b[k] !== undefined),
  message: { message: `Give at least one of ${keys.join(', ')}.` },
});
const correctNeeds = oneOf(['text', 'profile']);
const deleteNeeds = oneOf(['categories', 'items']);

/** The body of `POST /api/privacy/requests`, one shape per kind. */
export const CreateRightsRequestBody = z.discriminatedUnion('kind', [
  nothing.extend({ kind: z.literal('access') }),
  nothing.extend({ kind: z.literal('copy') }),
  nothing
    .extend({
      kind: z.literal('correct'),
      text: RequestText.optional().describe('Anything else to correct or add, for a person.'),
      profile: ProfileCorrection.optional(),
    })
    .refine(correctNeeds.check, correctNeeds.message),
  nothing
    .extend({
      kind: z.literal('delete'),
      categories: z.array(DataCategory).min(1).max(20).optional(),
      items: z
        .array(z.string().trim().min(1).max(500))
        .min(1)
        .max(50)
        .optional()
        .describe('Particular records, described in words or by id, for a person to find.'),
    })
    .refine(deleteNeeds.check, deleteNeeds.message),
  nothing.extend({
    kind: z.literal('restrict'),
    category: DataCategory,
    lift: z.boolean().optional().describe('True to lift an earlier restriction.'),
  }),
  nothing.extend({
    kind: z.literal('withdraw_consent'),
    purpose: z.string().trim().min(1).max(120).describe('The consent purpose to withdraw.'),
  }),
  nothing.extend({ kind: z.literal('cancel_account'), reason: RequestText.optional() }),
  nothing.extend({
    kind: z.literal('automated_decision'),
    text: RequestText.optional().describe('The decision you mean, to be read by a person.'),
  }),
  nothing.extend({ kind: z.literal('complaint'), text: RequestText }),
]);
export type CreateRightsRequestBody = z.infer<typeof CreateRightsRequestBody>;

/**
 * Identity re-verification: the account password and a `rights_request`
 * one-time code; the code is left out only by an account with no phone or
 * e-mail to send it to (an enterprise account).
 */
export const VerifyRightsRequestBody = z
  .object({ password: Password, code: OneTimeCode.optional() })
  .strict();

/** A request as its owner sees it, with its deadline and the days left to meet it. */
export const RightsRequest = z.object({
  id: Id,
  kind: RightsRequestKind,
  status: RightsRequestStatus,
  /** What was asked, as submitted. */
  submitted: CreateRightsRequestBody,
  createdAt: Timestamp,
  verifiedAt: Timestamp.nullable(),
  closedAt: Timestamp.nullable(),
  deadlineAt: Timestamp,
  /** Whole days until the deadline; 0 on its last day, negative once overdue. Null when closed. */
  daysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  /** True while the request waits for a person in the operator queue. */
  awaitingOperator: z.boolean(),
  /** For a cancellation: when the cooling-off period ends and erasure begins. */
  coolingOffEndsAt: Timestamp.nullable(),
  /** The answer: an automatic one, or an operator's note. */
  answer: z.string().nullable(),
  refusalReason: z.string().nullable(),
  /**
   * True when the account is an enterprise account and its organization
   * answers the whole request (ORG-3): Carillon makes no report, archive or
   * erasure of its own; the organization's part below carries the answer.
   */
  answeredByOrganization: z.boolean(),
  /**
   * Parts about organization-controlled data, sent to each organization's
   * administrators (the controller of that data, ORG-4), with their answers.
   */
  organizations: z.array(
    z.object({
      organizationId: Id,
      /** The organization's name (kept with the part when it is dissolved); null if unknown. */
      organizationName: z.string().nullable(),
      /** `refused` with a reason when the organization was dissolved before answering. */
      status: z.enum(['open', 'fulfilled', 'refused']),
      answer: z.string().nullable(),
      refusalReason: z.string().nullable(),
      answeredAt: Timestamp.nullable(),
      /** When the organization must answer: the edition's days, counted from routing. */
      deadlineAt: Timestamp,
      /** Whole days left; 0 on the last day, negative once overdue. Null once answered. */
      daysLeft: z.number().int().nullable(),
      overdue: z.boolean(),
    }),
  ),
});
export type RightsRequest = z.infer<typeof RightsRequest>;

/** The person's requests, newest first. */
export const RightsRequestList = z.object({ requests: z.array(RightsRequest) });

/** What creating a request returns: the request and where its confirmation code went. */
export const CreateRightsRequestResult = z.object({
  request: RightsRequest,
  /** Where the confirmation code went; null for an account with no phone or e-mail (password only). */
  code: RequestCodeResult.nullable(),
});

/** One kind of data held about the person (GDPR Art. 15(1)). */
export const HeldDataItem = z.object({
  table: z.string(),
  description: z.string(),
  categories: z.array(z.string()),
  purposes: z.array(z.string()),
  legalBasis: z.array(z.string()),
  controller: z.enum(['personal', 'organization']),
  retention: z.string(),
  records: z.number().int().nonnegative(),
  restricted: z.boolean(),
});

/** The answer to an access request: what is held, why, on what basis, for how long, from where, to whom. */
export const AccessReportResult = z.object({
  requestId: Id,
  generatedAt: Timestamp,
  storageRegion: z.string(),
  items: z.array(HeldDataItem),
  sources: z.array(z.string()),
  recipients: z.array(z.string()),
  /** Automated decisions with legal or similar effect made about the person (Art. 15(1)(h)). */
  automatedDecisions: z.array(z.string()),
});

/** A request in the operator queue; the operator sees whose it is to act on it. */
export const OperatorRightsRequest = RightsRequest.extend({ userId: Id.nullable() });
export type OperatorRightsRequest = z.infer<typeof OperatorRightsRequest>;
/** The operator queue: requests waiting for a person, earliest deadline first. */
export const OperatorRightsRequestList = z.object({ requests: z.array(OperatorRightsRequest) });

/** Reading the queue shows people's requests, so each read states why. */
export const OperatorQueueQuery = z.object({ purpose: AccessPurpose });

/** Closes a queued request as fulfilled. */
export const FulfilRightsRequestBody = z
  .object({ note: RequestText.optional().describe('What was done, shown to the person.') })
  .strict();

/** Refuses a queued request; the law asks for the reason in writing (PRIV-5). */
export const RefuseRightsRequestBody = z
  .object({ reason: z.string().trim().min(10).max(4000).describe('Shown to the person.') })
  .strict();
