import { z } from 'zod';
import { Id, Timestamp } from './common';

/** The languages every policy version is published in (PRIV-1). */
export const policyLanguages = ['en', 'zh-CN'] as const;
/** One of the policy languages. */
export const PolicyLanguage = z.enum(policyLanguages);
export type PolicyLanguage = z.infer<typeof PolicyLanguage>;

const perLanguage = <S extends z.ZodType>(schema: S) =>
  z.object({ en: schema, 'zh-CN': schema }).strict();

/** A new policy version, published by an operator (PRIV-1, PRIV-3). */
export const PublishPolicyBody = z
  .object({
    texts: perLanguage(z.string().trim().min(1).max(100_000)).describe('Full text, Markdown.'),
    summaries: perLanguage(z.string().trim().min(1).max(2_000)).describe('A short summary.'),
    significant: z
      .boolean()
      .describe('A significant change needs everyone to accept the policy again.'),
    changes: z.array(z.string().trim().min(1).max(500)).max(50).default([]),
  })
  .strict()
  .refine((b) => !b.significant || b.changes.length > 0, {
    message: 'A significant version lists what changed.',
    path: ['changes'],
  });
export type PublishPolicyBody = z.infer<typeof PublishPolicyBody>;

/** One published version, without its text. */
export const PolicyVersionInfo = z.object({
  version: z.number().int().positive(),
  significant: z.boolean(),
  changes: z.array(z.string()),
  publishedAt: Timestamp,
  url: z.string().describe('Stable address of this version.'),
});
export type PolicyVersionInfo = z.infer<typeof PolicyVersionInfo>;

/** Every version, newest first. */
export const PolicyList = z.object({
  currentVersion: z.number().int().positive(),
  prevailingLanguage: PolicyLanguage,
  versions: z.array(PolicyVersionInfo),
});

/** One version in one language. */
export const PolicyDocument = PolicyVersionInfo.extend({
  language: PolicyLanguage,
  prevailingLanguage: PolicyLanguage.describe('Where translations differ, this one prevails.'),
  current: z.boolean(),
  summary: z.string(),
  text: z.string(),
});
export type PolicyDocument = z.infer<typeof PolicyDocument>;

/** `:version` of a policy address. */
export const PolicyVersionParams = z.object({ version: z.coerce.number().int().min(1).max(1e9) });
/** `?lang=`; without it the browser's Accept-Language, then the prevailing language, apply. */
export const LanguageQuery = z.object({ lang: PolicyLanguage.optional() });

/** Where a person stands with the policy: the badge and pop-up of PRIV-3 read this. */
export const PolicyStatus = z.object({
  acceptedVersion: z.number().int().positive().nullable(),
  currentVersion: z.number().int().positive(),
  reconsentRequired: z
    .boolean()
    .describe('A significant version was published after the one accepted.'),
});
export type PolicyStatus = z.infer<typeof PolicyStatus>;

/** Accepting the policy: must name the current version. */
export const AcceptPolicyBody = z.object({ version: z.number().int().positive() }).strict();

/** How a consent was given or withdrawn. */
export const ConsentMethod = z.enum(['ui', 'api', 'guardian', 'gpc']);
export type ConsentMethod = z.infer<typeof ConsentMethod>;

/** One permission switch or basic function, in the reader's language (PRIV-2, PRIV-4). */
export const ConsentPurposeView = z.object({
  purpose: z.string(),
  kind: z.enum(['basic', 'additional']).describe('Basic functions are covered by the policy.'),
  title: z.string(),
  description: z.string(),
  dataUse: z.string().describe('Fides data-use key.'),
  dataCategories: z.array(z.string()).describe('Fides data-category keys.'),
  sensitive: z.boolean(),
  sensitiveCategories: z.array(z.string()),
  granted: z.boolean(),
  since: Timestamp.nullable().describe('When the current state was recorded.'),
  recordId: Id.nullable().describe('The ledger record behind the state; its receipt id.'),
});
export type ConsentPurposeView = z.infer<typeof ConsentPurposeView>;

/** Every purpose with its state, and the policy notice flag. */
export const ConsentList = z.object({
  language: PolicyLanguage,
  policy: PolicyStatus,
  purposes: z.array(ConsentPurposeView),
});

/** `:purpose`, a key of the purposes catalogue such as `location`. */
export const ConsentPurposeParams = z.object({ purpose: z.string().min(1).max(64) });
/** Turns a permission switch on (grant) or off (withdraw). */
export const SetConsentBody = z.object({ granted: z.boolean() }).strict();

/** One line of the append-only ledger. */
export const ConsentRecord = z.object({
  id: Id,
  purpose: z.string(),
  action: z.enum(['granted', 'withdrawn']),
  method: ConsentMethod,
  policyVersion: z.number().int().positive(),
  edition: z.string(),
  recordedAt: Timestamp,
});
export type ConsentRecord = z.infer<typeof ConsentRecord>;
/** A person's ledger, newest first. */
export const ConsentHistory = z.object({ records: z.array(ConsentRecord) });

/** `:recordId` of a ledger record. */
export const ConsentRecordParams = z.object({ recordId: Id });

/** A Kantara Consent Receipt v1.1 and the same receipt as a compact JWS (EdDSA). */
export const ConsentReceiptResult = z.object({
  receipt: z.record(z.string(), z.unknown()),
  jws: z.string(),
});

/** The public key receipts are signed with (RFC 8037 OKP JWK). */
export const ReceiptKey = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string(),
  kid: z.string(),
  alg: z.literal('EdDSA'),
  use: z.literal('sig'),
});

/** A minor's request for a guardian's consent (PRIV-10, cn edition). */
export const GuardianRequest = z.object({
  id: Id,
  status: z.enum(['pending', 'approved']),
  requestedAt: Timestamp,
  approvedAt: Timestamp.nullable(),
  ruleEndsAt: Timestamp.describe('From then on the account no longer needs a guardian.'),
});
/** `:requestId` of a guardian request. */
export const GuardianRequestParams = z.object({ requestId: Id });

/** `/.well-known/gpc.json` (W3C Global Privacy Control). */
export const GpcSupport = z.object({ gpc: z.literal(true), lastUpdate: z.iso.date() });
