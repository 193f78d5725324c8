import fastifyWebsocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { EventBus } from '../../platform/bus/event-bus';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/schema';
import type { RouteDefinition, UserActor } from '../../platform/http/route';
import type { IdGenerator } from '../../platform/ids';
import { EventsService } from '../messaging/events.service';
import { messagingStore } from '../messaging/messaging.store';
import type { SessionsService } from '../sessions/sessions.service';
import { messagingEventLog } from './event-log';
import { LiveEvents } from './live-events';
import { PresenceRepository } from './presence.repository';
import { presenceRoutes } from './presence.routes';
import { PresenceService } from './presence.service';
import { RealtimeGateway } from './realtime-gateway';
import { upgradeChecker, type UpgradeGrant } from './realtime-upgrade';
import { TypingRelay } from './typing-relay';

/** Largest client frame; a bigger one closes the socket with 1009 (message too big). */
export const MAX_CLIENT_FRAME_BYTES = 16 * 1024;

/** What the real-time feature is built from. */
export interface RealtimeDependencies {
  db: Kysely<Database>;
  bus: EventBus;
  sessions: Pick<SessionsService, 'stillLive'>;
  /** The same authenticator the HTTP routes use (cookie or bearer). */
  authenticate: (request: FastifyRequest) => Promise<UserActor | undefined>;
  config: Pick<Config, 'publicUrl' | 'realtime'>;
  clock: Clock;
  ids: IdGenerator;
  report: (error: unknown, context: string) => void;
}

/**
 * Mounts `GET /api/ws` (MSG-2, ACC-2; contract in protocol/realtime.ts) and
 * returns the presence settings routes for the route pipeline.
 */
export async function registerRealtime(
  app: FastifyInstance,
  deps: RealtimeDependencies,
): Promise<RouteDefinition[]> {
  const { db, bus, clock, ids, config } = deps;
  const publish = (topic: string, event: { type: string } & Record<string, unknown>) =>
    bus.publish(topic, event);
  const store = messagingStore(db);
  const presence = new PresenceService(
    new PresenceRepository(db),
    clock,
    publish,
    ids.next(),
    config.realtime.heartbeatMs,
  );
  const log = messagingEventLog(new EventsService(store, clock));
  const live = new LiveEvents(bus, () => log.head(), deps.report);
  const gateway = new RealtimeGateway(
    {
      bus,
      log,
      live,
      presence,
      typing: new TypingRelay((id) => store.conversations.memberIds(id), publish),
      clock,
      sendBufferBytes: config.realtime.sendBufferBytes,
      report: deps.report,
    },
    deps.sessions,
    ids,
    config.realtime.heartbeatMs,
  );

  const checkUpgrade = upgradeChecker(deps.authenticate, config.publicUrl);
  const grants = new WeakMap<FastifyRequest, UpgradeGrant>();
  await app.register(fastifyWebsocket, { options: { maxPayload: MAX_CLIENT_FRAME_BYTES } });
  app.get(
    '/api/ws',
    {
      websocket: true,
      preValidation: async (request) => void grants.set(request, await checkUpgrade(request)),
    },
    (socket, request) => {
      const grant = grants.get(request)!;
      gateway.accept(socket, grant.user, grant.after);
    },
  );
  app.addHook('onReady', async () => gateway.start());
  app.addHook('onClose', async () => {
    await gateway.stop();
    await live.close();
  });
  return presenceRoutes(presence);
}
