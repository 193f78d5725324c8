import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
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
import { ContactFinder } from './features/contacts/contact-finder.service';
import { FilesRepository } from './features/files/files.repository';
import { filesRoutes } from './features/files/files.routes';
import { FilesService } from './features/files/files.service';
import { conversationFileAccess } from './features/messaging/file-access';
import { ContactsRepository } from './features/contacts/contacts.repository';
import { contactsRoutes } from './features/contacts/contacts.routes';
import { ContactsService } from './features/contacts/contacts.service';
import { ProfilesRepository } from './features/profiles/profiles.repository';
import { profilesRoutes } from './features/profiles/profiles.routes';
import { ProfilesService } from './features/profiles/profiles.service';
import { SessionsRepository } from './features/sessions/sessions.repository';
import { sessionsRoutes, userAuthenticator } from './features/sessions/sessions.routes';
import { SessionsService } from './features/sessions/sessions.service';
import { systemRoutes } from './features/system/system.routes';
import { CodesRepository } from './features/verification/codes.repository';
import { CodesService } from './features/verification/codes.service';
import { createBus } from './platform/bus/bus';
import type { EventBus } from './platform/bus/event-bus';
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
import { checkpointSigner, loadAuditSigningKey } from './privacy/audit/audit-signing';
import { AuditRepository } from './privacy/audit/audit.repository';
import { auditRoutes } from './privacy/audit/audit.routes';
import { AuditService } from './privacy/audit/audit.service';
import { buildConsentCore } from './privacy/consent/consent-core';
import { honouringGpc } from './privacy/consent/gpc';
import { editions } from './privacy/editions';
import { createDataEngines, type BuiltDataEngines } from './privacy/engines/data-engines';
import { releaseUnreferenced } from './privacy/engines/file-release';
import { loose, subjectLookups } from './privacy/engines/table-walk';
import { buildManifestRegistry } from './privacy/manifests';
import {
  consentWithdrawal,
  createAccountCancellations,
  createErasureJobs,
  rightsCenterRoutes,
} from './privacy/rights/rights.module';
import type { KeyVault } from './privacy/vault/key-vault';
import { outboxMail, smtpMail, type MailProvider } from './providers/mail';
import { OutboxRepository } from './providers/outbox.repository';
import { httpSms, outboxSms, type SmsProvider } from './providers/sms';
import { registerWebClient } from './features/system/web-client';
import { messagingRoutes, organizationConversations } from './features/messaging/messaging.module';
import { normalizePhone } from './features/accounts/identifiers';
import { OrganizationsRepository } from './features/organizations/organizations.repository';
import { organizationWorkplaces } from './features/organizations/workplaces';
import { orgAdministrationHooks } from './features/organizations/org-admin.module';
import { publishSessionsEnded } from './features/realtime/session-cut';
import { buildOrganizations } from './features/organizations/organizations.module';
import type { DissolutionService } from './features/organizations/dissolution.service';
import type { RoutedPartReminders } from './features/organizations/org-rights-reminders';
import { OrgControllerRepository } from './features/organizations/org-controller.repository';
import { verifyPassword } from './features/accounts/passwords';
import { registerRealtime } from './features/realtime/realtime.module';

declare module 'fastify' {
  interface FastifyInstance {
    /** The manifest-walking data engines (PRIV-5, PRIV-8), for the rights center and main.ts. */
    dataEngines: BuiltDataEngines;
    /** The event bus (ADR 0008): real-time delivery to every node; messaging publishes on it. */
    bus: EventBus;
    /** Organization dissolutions due after their grace period (ORG-8), for the worker and the CLI. */
    dissolutions: DissolutionService;
    /** Reminders to main administrators of routed parts near or past their deadline (ADR 20). */
    routedPartReminders: RoutedPartReminders;
  }
}

export const VERSION = '0.1.0';
const JSON_BODY_LIMIT = 64 * 1024;
/** What an enterprise account's open data-rights requests say when its organization is dissolved. */
const ENTERPRISE_ACCOUNT_ERASED = {
  organization_dissolved:
    'Closed: this enterprise account was erased with the organization that created it.',
  deleted_by_organization:
    'Closed: the organization that created this enterprise account deleted it.',
} as const;

/** What the server is built from; tests pass their own clock, database and log stream. */
export interface AppDependencies {
  config: Config;
  database: DatabaseHandle;
  /** Per-subject keys for sensitive and erasable values; lives outside `database`. */
  vault: KeyVault;
  secret: string;
  clock?: Clock;
  ids?: IdGenerator;
  logStream?: DestinationStream;
  sms?: SmsProvider;
  mail?: MailProvider;
  /** The event bus; absent: built from NATS_URL / REDIS_URL / memory and closed with the app. */
  bus?: EventBus;
}

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
  const bus =
    deps.bus ??
    (await createBus(config, {
      onError: (err, context) => logger.warn({ err, context }, 'event bus error'),
    }));
  const notices = new SecurityNoticesRepository(db);
  const audit = new AuditService(
    new AuditRepository(db),
    checkpointSigner(loadAuditSigningKey(config.auditSigningKey, config.dataDir)),
    secrets,
    clock,
    ids,
  );
  const accountsRepository = new AccountsRepository(db);
  // Enterprise accounts, app switches and the security log (ORG-3, ORG-7, ORG-9).
  const orgHooks = orgAdministrationHooks(db, audit, clock, ids);
  const sessionsRepository = new SessionsRepository(db);
  const sessions = new SessionsService(
    sessionsRepository,
    notices,
    secrets,
    clock,
    ids,
    orgHooks.securityLog,
    // Every node closes the user's sockets now; the heartbeat re-check catches a lost event.
    (userId) =>
      publishSessionsEnded(bus, userId).catch((err: unknown) =>
        logger.warn({ err }, 'sessions.ended could not be published'),
      ),
  );
  const codes = new CodesService(new CodesRepository(db), sms, mailer, secrets, clock, ids, (err) =>
    logger.warn({ err }, 'a one-time code could not be delivered'),
  );
  const consentCore = await buildConsentCore(
    db,
    {
      edition,
      controller: config.controller,
      publicUrl: config.publicUrl,
      receiptSigningKey: config.receiptSigningKey,
      dataDir: config.dataDir,
    },
    clock,
    ids,
    audit,
  );
  const cancellations = createAccountCancellations({
    db,
    sessions,
    audit,
    clock,
    coolingOffDays: config.cancellationCoolingOffDays,
  });
  const accounts = new AccountsService(
    accountsRepository,
    notices,
    codes,
    sessions,
    edition,
    clock,
    ids,
    consentCore.signUp,
    audit,
    cancellations,
    orgHooks.enterpriseLogin,
  );
  const files = localFileStore(path.join(config.dataDir, 'files'));
  const registry = buildManifestRegistry();
  const dataEngines = createDataEngines({
    database,
    registry,
    lookups: subjectLookups(db, (id) => audit.pseudonym(id)),
    vault: deps.vault,
    files,
    clock,
    ids,
    edition,
    audit,
    // Organizations set how long they keep the data they control (ORG-4).
    organizationPeriods: () => new OrgControllerRepository(db).allRetention(),
  });
  // Before anything can erase someone: organization messages still under their sender's key
  // move to the organization's, while the senders' keys exist (ADR 19); once per database.
  await dataEngines.resealOrganizationRowsAtStart();
  // Bytes go once no declared file column names them any more (avatars, uploads, thumbnails).
  const releaseFiles = (hashes: string[]) =>
    releaseUnreferenced(loose(db), registry, files, hashes);
  const filesService = new FilesService(
    new FilesRepository(db),
    files,
    releaseFiles,
    conversationFileAccess(db),
    { maxBytes: config.fileMaxBytes, tempDir: path.join(config.dataDir, 'files', 'incoming') },
    clock,
    ids,
    { apps: orgHooks.apps, events: orgHooks.securityLog },
  );
  const contactsRepository = new ContactsRepository(db);
  const profiles = new ProfilesService(
    new ProfilesRepository(db),
    files,
    contactsRepository,
    deps.vault,
    clock,
    dataEngines,
    releaseFiles,
  );
  const operators = new OperatorsService(
    new OperatorsRepository(db),
    outbox,
    accountsRepository,
    audit,
    secrets,
    clock,
    ids,
  );
  await operators.bootstrap(config.operator);
  const contacts = new ContactsService(
    contactsRepository,
    accountsRepository,
    profiles,
    clock,
    ids,
    orgHooks.friends,
  );
  const contactFinder = new ContactFinder(
    contacts,
    contactsRepository,
    accountsRepository,
    profiles,
    consentCore.consents,
    secrets,
    edition,
    clock,
  );

  const authLimit = { max: config.authRateLimitPerMinute, perMs: 60_000 };
  const organizations = buildOrganizations({
    db,
    engines: dataEngines,
    registry,
    vault: deps.vault,
    edition,
    checkPassword: async (userId, password) => {
      const user = await accountsRepository.findById(userId);
      return user ? verifyPassword(user.password_hash, password) : false;
    },
    publish: (topic, event) => bus.publish(topic, event),
    reportFailure: (err) => logger.warn({ err }, 'an organization notice could not be published'),
    dissolutionGraceDays: config.orgDissolutionGraceDays,
    audit: orgHooks.audit,
    secrets,
    clock,
    ids,
    normalizePhone: (input) => normalizePhone(input, edition),
    limit: authLimit,
    chats: organizationConversations({
      db,
      clock,
      ids,
      publish: (topic, event) => bus.publish(topic, event),
      reportFailure: (err) => logger.warn({ err }, 'an organization event could not be published'),
    }),
    files: filesService,
    apps: orgHooks.apps,
    endSessions: async (userId) => void (await sessions.endAll(userId)),
    // Built below, once the organizations' erasure hooks exist; called only when a job runs.
    eraseAccount: (userId, organizationId, reason) =>
      erasureJobs.eraseAccount(userId, {
        closedAnswer: ENTERPRISE_ACCOUNT_ERASED[reason],
        detail: { organizationId, reason },
      }),
  });
  const erasureJobs = createErasureJobs({
    db,
    sessions,
    engines: dataEngines,
    audit,
    clock,
    hooks: organizations.erasureHooks,
  });

  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
  });
  installErrorHandler(app);
  app.decorate('dataEngines', dataEngines);
  app.decorate('bus', bus);
  app.decorate('erasureJobs', erasureJobs);
  app.decorate('dissolutions', organizations.dissolutions);
  app.decorate('routedPartReminders', organizations.reminders);
  await app.register(fastifyCookie);
  // Parts are streamed to the route (body: 'multipart'); never attached to the request.
  await app.register(fastifyMultipart);
  const redis = config.redisUrl ? new Redis(config.redisUrl, { lazyConnect: false }) : undefined;
  await app.register(fastifyRateLimit, {
    global: false,
    ...(redis ? { redis, nameSpace: `${config.clusterName}-rl:` } : {}),
    errorResponseBuilder: (_request, context) =>
      new AppError('rate_limited', `Too many requests; retry in ${context.after}.`),
  });
  for (const type of ['application/octet-stream', /^image\//])
    app.addContentTypeParser(type, { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
  app.addHook('onClose', async () => {
    sessionsRepository.close();
    redis?.disconnect();
    // A bus passed in belongs to the caller, who closes it.
    if (!deps.bus) await bus.close();
    if ('close' in mailer && typeof mailer.close === 'function') mailer.close();
  });

  const cookieSecure = config.cookieSecure;
  let openApi: Record<string, unknown> | undefined;
  const realtimeRoutes = await registerRealtime(app, {
    db,
    bus,
    sessions,
    authenticate: userAuthenticator(sessions),
    config,
    clock,
    ids,
    report: (err, context) => logger.warn({ err, context }, 'real-time gateway failure'),
  });
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
    ...contactsRoutes(contacts, contactFinder, { limit: authLimit }),
    ...operatorsRoutes(operators, { cookieSecure, authLimit }),
    ...messagingRoutes({
      db,
      vault: deps.vault,
      secrets,
      clock,
      ids,
      memberLimit: config.groupMemberLimit,
      contacts: {
        areContacts: (a, b) => contacts.areContacts(a, b),
        // A send asks on its own transaction's connection (ADR 23), which the repository takes.
        isBlocked: (a, b, on) => contactsRepository.blockedBetween(a, b, on),
      },
      workplaces: organizationWorkplaces(new OrganizationsRepository(db)),
      files: filesService,
      canReadShared: conversationFileAccess(db),
      publish: (topic, event) => bus.publish(topic, event),
      reportFailure: (err) => logger.warn({ err }, 'a messaging event could not be published'),
      apps: orgHooks.apps,
      consents: consentCore.consents,
    }),
    ...filesRoutes(filesService, {
      maxBytes: config.fileMaxBytes,
      uploadLimit: { max: config.fileUploadRateLimitPerMinute, perMs: 60_000 },
    }),
    ...realtimeRoutes,
    ...organizations.routes,
    ...auditRoutes(audit),
    ...consentCore.routes,
    ...rightsCenterRoutes({
      db,
      cancellations,
      engines: dataEngines,
      accounts: accountsRepository,
      codes,
      profiles,
      consents: consentWithdrawal(consentCore.consents, edition),
      registry,
      audit,
      vault: deps.vault,
      edition,
      clock,
      ids,
      authLimit,
      reportFailure: (err) => logger.warn({ err }, 'a rights request failed automatic handling'),
      routing: organizations.routing,
      erasureHooks: organizations.erasureHooks,
    }),
  ];
  registerRoutes(app, routes, {
    // Sec-GPC: 1 on a signed-in request withdraws opt-out grants (privacy/consent/gpc.ts).
    user: honouringGpc(userAuthenticator(sessions), consentCore.consents),
    operator: operatorAuthenticator(operators),
  });
  await registerWebClient(app, config.webDir);
  return app;
}
