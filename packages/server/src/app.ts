import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import path from 'node:path';
import type { DestinationStream } from 'pino';
import type { Config } from './config';
import { AccountsRepository } from './features/accounts/accounts.repository';
import { accountsRoutes } from './features/accounts/accounts.routes';
import { AccountsService } from './features/accounts/accounts.service';
import { SecurityNoticesRepository } from './features/accounts/security-notices.repository';
import { OperatorsRepository } from './features/operators/operators.repository';
import { operatorAuthenticator, operatorsRoutes } from './features/operators/operators.routes';
import { OperatorsService } from './features/operators/operators.service';
import type { ContactsDirectory } from './features/profiles/profiles.policy';
import { ProfilesRepository } from './features/profiles/profiles.repository';
import { profilesRoutes } from './features/profiles/profiles.routes';
import { ProfilesService } from './features/profiles/profiles.service';
import { SessionsRepository } from './features/sessions/sessions.repository';
import { sessionsRoutes, userAuthenticator } from './features/sessions/sessions.routes';
import { SessionsService } from './features/sessions/sessions.service';
import { systemRoutes } from './features/system/system.routes';
import { CodesRepository } from './features/verification/codes.repository';
import { CodesService } from './features/verification/codes.service';
import { systemClock, type Clock } from './platform/clock';
import type { DatabaseHandle } from './platform/db/database';
import { AppError } from './platform/errors';
import { localFileStore } from './platform/files/file-store';
import { installErrorHandler } from './platform/http/error-handler';
import { buildOpenApi } from './platform/http/openapi';
import { registerRoutes } from './platform/http/register-routes';
import type { RouteDefinition } from './platform/http/route';
import { uuidV7Generator, type IdGenerator } from './platform/ids';
import { createLogger } from './platform/logger';
import { secretsFrom } from './platform/secrets';
import { editions } from './privacy/editions';
import { outboxMail, smtpMail, type MailProvider } from './providers/mail';
import { OutboxRepository } from './providers/outbox.repository';
import { httpSms, outboxSms, type SmsProvider } from './providers/sms';
import { landingPage } from './features/system/landing-page';

export const VERSION = '0.1.0';
const JSON_BODY_LIMIT = 64 * 1024;

/** What the server is built from; tests pass their own clock, database and log stream. */
export interface AppDependencies {
  config: Config;
  database: DatabaseHandle;
  secret: string;
  clock?: Clock;
  ids?: IdGenerator;
  logStream?: DestinationStream;
  sms?: SmsProvider;
  mail?: MailProvider;
}

/** Until messaging brings friend lists, nobody is anybody's contact. */
const noContactsYet: ContactsDirectory = { areContacts: async () => false };

/** The composition root: builds every service with exactly what it needs and mounts the routes. */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const { config, database } = deps;
  const clock = deps.clock ?? systemClock;
  const ids = deps.ids ?? uuidV7Generator(clock);
  const secrets = secretsFrom(deps.secret);
  const edition = editions[config.edition];
  const db = database.db;

  const outbox = new OutboxRepository(db);
  const sms =
    deps.sms ??
    (config.sms.provider === 'http'
      ? httpSms(config.sms.url, config.sms.token)
      : outboxSms(outbox, ids, clock));
  const mailer =
    deps.mail ??
    (config.mail.provider === 'smtp'
      ? smtpMail(config.mail.url, config.mail.from)
      : outboxMail(outbox, ids, clock));

  const logger = createLogger(config.logLevel, deps.logStream);
  const notices = new SecurityNoticesRepository(db);
  const sessions = new SessionsService(new SessionsRepository(db), notices, secrets, clock, ids);
  const codes = new CodesService(new CodesRepository(db), sms, mailer, secrets, clock, ids, (err) =>
    logger.warn({ err }, 'a one-time code could not be delivered'),
  );
  const accounts = new AccountsService(
    new AccountsRepository(db),
    notices,
    codes,
    sessions,
    edition,
    clock,
    ids,
  );
  const profiles = new ProfilesService(
    new ProfilesRepository(db),
    localFileStore(path.join(config.dataDir, 'files')),
    noContactsYet,
    clock,
  );
  const operators = new OperatorsService(new OperatorsRepository(db), outbox, secrets, clock, ids);
  await operators.bootstrap(config.operator);

  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
  });
  installErrorHandler(app);
  await app.register(fastifyCookie);
  const redis = config.redisUrl ? new Redis(config.redisUrl, { lazyConnect: false }) : undefined;
  await app.register(fastifyRateLimit, {
    global: false,
    ...(redis ? { redis, nameSpace: 'carillon-rl:' } : {}),
    errorResponseBuilder: (_request, context) =>
      new AppError('rate_limited', `Too many requests; retry in ${context.after}.`),
  });
  for (const type of ['application/octet-stream', /^image\//])
    app.addContentTypeParser(type, { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
  app.addHook('onClose', async () => {
    redis?.disconnect();
    if ('close' in mailer && typeof mailer.close === 'function') mailer.close();
  });

  const authLimit = { max: config.authRateLimitPerMinute, perMs: 60_000 };
  const cookieSecure = config.cookieSecure;
  let openApi: Record<string, unknown> | undefined;
  const routes: RouteDefinition[] = [
    ...systemRoutes(
      async () => ({
        status: 'ok',
        version: VERSION,
        edition: config.edition,
        database: database.dialect,
      }),
      () => (openApi ??= buildOpenApi(routes, VERSION)),
    ),
    ...accountsRoutes(accounts, { cookieSecure, authLimit }),
    ...sessionsRoutes(sessions),
    ...profilesRoutes(profiles),
    ...operatorsRoutes(operators, { cookieSecure, authLimit }),
  ];
  registerRoutes(app, routes, {
    user: userAuthenticator(sessions),
    operator: operatorAuthenticator(operators),
  });
  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(landingPage));
  return app;
}
