import path from 'node:path';
import { z } from 'zod';

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
  REDIS_URL: optionalUrl(['redis:', 'rediss:']),
  NATS_URL: optionalUrl(['nats:', 'tls:']),
  EDITION: z.enum(['international', 'cn']).default('international'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SERVER_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
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
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
});

/** Rules that tie variables together; checked even when single values are wrong. */
function crossFieldProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (env.SMS_PROVIDER === 'http' && !env.SMS_HTTP_URL)
    problems.push('SMS_HTTP_URL: required when SMS_PROVIDER=http');
  if (env.MAIL_PROVIDER === 'smtp' && !env.SMTP_URL)
    problems.push('SMTP_URL: required when MAIL_PROVIDER=smtp');
  if ((env.OPERATOR_USERNAME === undefined) !== (env.OPERATOR_PASSWORD === undefined))
    problems.push('OPERATOR_PASSWORD: OPERATOR_USERNAME and OPERATOR_PASSWORD go together');
  return problems;
}

/** Validated, typed configuration. Built once at start and passed down. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  natsUrl: string | undefined;
  edition: 'international' | 'cn';
  logLevel: string;
  serverSecret: string | undefined;
  cookieSecure: boolean;
  trustProxy: boolean;
  operator: { username: string; password: string } | undefined;
  sms: { provider: 'outbox' } | { provider: 'http'; url: string; token: string | undefined };
  mail: { from: string } & ({ provider: 'outbox' } | { provider: 'smtp'; url: string });
  authRateLimitPerMinute: number;
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
    redisUrl: e.REDIS_URL,
    natsUrl: e.NATS_URL,
    edition: e.EDITION,
    logLevel: e.LOG_LEVEL,
    serverSecret: e.SERVER_SECRET,
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
    authRateLimitPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE,
  };
}
