import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { MASTER_KEY_PATTERN } from './privacy/vault/master-key';
import { isEd25519PrivateKey } from './platform/signing-keys';

const port = z.coerce.number().int().min(0).max(65535);
const optionalUrl = (protocols: string[]) =>
  z
    .url()
    .refine((u) => protocols.includes(new URL(u).protocol), {
      message: `must start with ${protocols.join(' or ')}//`,
    })
    .optional();
const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

/** Every setting the server reads from its environment. */
const EnvSchema = z.object({
  PORT: port.default(8080),
  HOST: z.string().min(1).default('localhost'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
  VAULT_DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
  MASTER_KEY: z.string().regex(MASTER_KEY_PATTERN, 'must be the base64 of 32 bytes').optional(),
  REDIS_URL: optionalUrl(['redis:', 'rediss:']),
  NATS_URL: optionalUrl(['nats:', 'tls:']),
  CLUSTER_NAME: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lowercase letters, digits and hyphens')
    .default('carillon'),
  EDITION: z.enum(['international', 'cn']).default('international'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SERVER_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  AUDIT_SIGNING_KEY: z
    .string()
    .refine(isEd25519PrivateKey, 'must be an Ed25519 private key, PEM or base64 PKCS#8')
    .optional(),
  COOKIE_SECURE: flag,
  TRUST_PROXY: flag,
  OPERATOR_USERNAME: z.string().min(1).max(64).optional(),
  OPERATOR_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  SMS_PROVIDER: z.enum(['outbox', 'http']).default('outbox'),
  SMS_HTTP_URL: optionalUrl(['http:', 'https:']),
  SMS_HTTP_TOKEN: z.string().optional(),
  MAIL_PROVIDER: z.enum(['outbox', 'smtp']).default('outbox'),
  SMTP_URL: optionalUrl(['smtp:', 'smtps:']),
  MAIL_FROM: z.string().default('Carillon <no-reply@localhost>'),
  PUBLIC_URL: optionalUrl(['http:', 'https:']),
  CONTROLLER_NAME: z.string().trim().min(1).max(200).optional(),
  CONTROLLER_EMAIL: z.email().optional(),
  CONTROLLER_PHONE: z.string().trim().max(40).default(''),
  CONTROLLER_ADDRESS: z.string().trim().max(400).default(''),
  RECEIPT_SIGNING_KEY: z
    .string()
    .refine(isEd25519PrivateKey, 'must be an Ed25519 private key, PEM or base64 PKCS#8')
    .optional(),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  CANCELLATION_COOLING_OFF_DAYS: z.coerce.number().int().min(0).max(90).default(7),
  ORG_DISSOLUTION_GRACE_DAYS: z.coerce.number().int().min(0).max(90).default(15),
  GROUP_MEMBER_LIMIT: z.coerce.number().int().min(2).max(100_000).default(1000),
  WS_SEND_BUFFER_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  WS_HEARTBEAT_MS: z.coerce.number().int().min(50).max(60_000).default(15_000),
  FILE_MAX_BYTES: z.coerce.number().int().min(1).default(104_857_600), // 100 MB
  FILE_UPLOAD_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  WEB_DIR: z.string().min(1).optional(),
});

/** The web client's build output (packages/web/dist), wherever the server is started from. */
const BUILT_WEB_CLIENT = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Rules that tie variables together; checked even when single values are wrong. */
function crossFieldProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (env.SMS_PROVIDER === 'http' && !env.SMS_HTTP_URL)
    problems.push('SMS_HTTP_URL: required when SMS_PROVIDER=http');
  if (env.MAIL_PROVIDER === 'smtp' && !env.SMTP_URL)
    problems.push('SMTP_URL: required when MAIL_PROVIDER=smtp');
  if ((env.OPERATOR_USERNAME === undefined) !== (env.OPERATOR_PASSWORD === undefined))
    problems.push('OPERATOR_PASSWORD: OPERATOR_USERNAME and OPERATOR_PASSWORD go together');
  // Subject keys must never sit in the main database or its backups (ADR 0005).
  if (env.DATABASE_URL && !env.VAULT_DATABASE_URL)
    problems.push('VAULT_DATABASE_URL: required when DATABASE_URL is set (keys live apart)');
  if (env.VAULT_DATABASE_URL && env.VAULT_DATABASE_URL === env.DATABASE_URL)
    problems.push('VAULT_DATABASE_URL: must name another database than DATABASE_URL');
  if (env.VAULT_DATABASE_URL && !env.MASTER_KEY)
    problems.push('MASTER_KEY: required with VAULT_DATABASE_URL (every node needs the same one)');
  return problems;
}

/** Validated, typed configuration. Built once at start and passed down. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** PostgreSQL for the key vault; undefined: DATA_DIR/vault.sqlite. */
  vaultDatabaseUrl: string | undefined;
  /** Base64 of the 32-byte master key; undefined: DATA_DIR/master.key. */
  masterKey: string | undefined;
  redisUrl: string | undefined;
  natsUrl: string | undefined;
  /** Starts every bus topic and shared rate-limit key, so installations can share a broker. */
  clusterName: string;
  edition: 'international' | 'cn';
  logLevel: string;
  serverSecret: string | undefined;
  /** Ed25519 key signing audit checkpoints; undefined: DATA_DIR/audit-signing-key.pem. */
  auditSigningKey: string | undefined;
  cookieSecure: boolean;
  trustProxy: boolean;
  operator: { username: string; password: string } | undefined;
  sms: { provider: 'outbox' } | { provider: 'http'; url: string; token: string | undefined };
  mail: { from: string } & ({ provider: 'outbox' } | { provider: 'smtp'; url: string });
  /** Where people reach this server; receipts link to policies under it. */
  publicUrl: string;
  /** The organization running the deployment: the personal-data controller policies name. */
  controller: { name: string | undefined; email: string; phone: string; address: string };
  /** Ed25519 key signing consent receipts; undefined: DATA_DIR/receipt-signing-key.pem. */
  receiptSigningKey: string | undefined;
  authRateLimitPerMinute: number;
  /** Days during which signing in withdraws an account cancellation (ACC-8). */
  cancellationCoolingOffDays: number;
  /** Days between starting an organization's dissolution and erasing its data (ORG-8). */
  orgDissolutionGraceDays: number;
  /** Most members a group may have (MSG-5). */
  groupMemberLimit: number;
  /** WebSocket gateway: the send buffer cap per connection before it is closed as too slow, and the heartbeat period (pings, presence expiry, session re-checks). */
  realtime: { sendBufferBytes: number; heartbeatMs: number };
  /** Largest file upload in bytes. */
  fileMaxBytes: number;
  /** Uploads one client address may start per minute. */
  fileUploadRateLimitPerMinute: number;
  /** The built web client served at `/` (index.html, assets, service worker). */
  webDir: string;
}

/** Thrown when the environment cannot be turned into a Config. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment once; every problem is reported, not just the first. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  const problems = [
    ...(parsed.error?.issues ?? []).map(
      (i) => `${i.path.join('.') || 'environment'}: ${i.message}`,
    ),
    ...crossFieldProblems(cleaned),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    vaultDatabaseUrl: e.VAULT_DATABASE_URL,
    masterKey: e.MASTER_KEY,
    redisUrl: e.REDIS_URL,
    natsUrl: e.NATS_URL,
    clusterName: e.CLUSTER_NAME,
    edition: e.EDITION,
    logLevel: e.LOG_LEVEL,
    serverSecret: e.SERVER_SECRET,
    auditSigningKey: e.AUDIT_SIGNING_KEY,
    cookieSecure: e.COOKIE_SECURE ?? false,
    trustProxy: e.TRUST_PROXY ?? false,
    operator:
      e.OPERATOR_USERNAME && e.OPERATOR_PASSWORD
        ? { username: e.OPERATOR_USERNAME, password: e.OPERATOR_PASSWORD }
        : undefined,
    sms:
      e.SMS_PROVIDER === 'http'
        ? { provider: 'http', url: e.SMS_HTTP_URL!, token: e.SMS_HTTP_TOKEN }
        : { provider: 'outbox' },
    mail:
      e.MAIL_PROVIDER === 'smtp'
        ? { provider: 'smtp', url: e.SMTP_URL!, from: e.MAIL_FROM }
        : { provider: 'outbox', from: e.MAIL_FROM },
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
    controller: {
      name: e.CONTROLLER_NAME,
      email: e.CONTROLLER_EMAIL ?? '',
      phone: e.CONTROLLER_PHONE,
      address: e.CONTROLLER_ADDRESS,
    },
    receiptSigningKey: e.RECEIPT_SIGNING_KEY,
    authRateLimitPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE,
    cancellationCoolingOffDays: e.CANCELLATION_COOLING_OFF_DAYS,
    orgDissolutionGraceDays: e.ORG_DISSOLUTION_GRACE_DAYS,
    groupMemberLimit: e.GROUP_MEMBER_LIMIT,
    realtime: { sendBufferBytes: e.WS_SEND_BUFFER_BYTES, heartbeatMs: e.WS_HEARTBEAT_MS },
    fileMaxBytes: e.FILE_MAX_BYTES,
    fileUploadRateLimitPerMinute: e.FILE_UPLOAD_RATE_LIMIT_PER_MINUTE,
    webDir: path.resolve(e.WEB_DIR ?? BUILT_WEB_CLIENT),
  };
}
