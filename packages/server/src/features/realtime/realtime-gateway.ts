import type { WebSocket } from 'ws';
import type { IdGenerator } from '../../platform/ids';
import type { UserActor } from '../../platform/http/route';
import type { SessionsService } from '../sessions/sessions.service';
import { RealtimeConnection, type GatewayServices } from './realtime-connection';

/** Session ids per re-check query, well under every database's parameter limit. */
const SESSION_CHECK_BATCH = 500;

/**
 * The node's WebSocket gateway: the open connections and one heartbeat that
 * pings them (dropping dead peers), keeps this node's presence rows alive,
 * sweeps dead nodes' rows and re-checks every connection's session.
 *
 * Why a periodic session re-check rather than a bus topic the sessions
 * feature publishes to: sessions end in many places (sign-out, remote end,
 * end-others, password change, freeze, cancellation, erasure, idle expiry),
 * some of them deleting rows in bulk inside other features' transactions; a
 * batched query per heartbeat sees every one of them, on every node, with no
 * publish to forget. The price is up to one heartbeat of delay; where that is
 * too long (disabling an enterprise account), the feature also publishes
 * `sessions.ended` on the user's topic (session-cut.ts) and every node closes
 * that user's sockets at once.
 */
export class RealtimeGateway {
  private readonly connections = new Set<RealtimeConnection>();
  /** Closed connections still removing their presence row. */
  private readonly leaving = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private beating = false;

  constructor(
    private readonly services: GatewayServices,
    private readonly sessions: Pick<SessionsService, 'stillLive'>,
    private readonly ids: IdGenerator,
    private readonly heartbeatMs: number,
  ) {}

  /** Takes over an upgraded socket. */
  accept(socket: WebSocket, user: UserActor, after: number | undefined): void {
    const connection = new RealtimeConnection(
      socket,
      this.ids.next(),
      user,
      after,
      this.services,
      (closed) => {
        this.connections.delete(closed);
        this.leaving.add(closed.finished);
        void closed.finished.then(() => this.leaving.delete(closed.finished));
      },
    );
    this.connections.add(connection);
  }

  /** Starts the heartbeat. */
  start(): void {
    this.timer ??= setInterval(() => void this.beat(), this.heartbeatMs);
  }

  /** Stops the heartbeat and waits for closed connections to leave presence. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    const open = [...this.connections];
    for (const connection of open) connection.terminate();
    await Promise.all([...open.map((c) => c.finished), ...this.leaving]);
  }

  private async beat(): Promise<void> {
    if (this.beating) return; // a slow database must not pile up heartbeats
    this.beating = true;
    try {
      for (const connection of this.connections) connection.keepAlive();
      await this.services.presence.heartbeat();
      await this.closeEndedSessions();
    } catch (error) {
      this.services.report(error, 'realtime heartbeat');
    } finally {
      this.beating = false;
    }
  }

  private async closeEndedSessions(): Promise<void> {
    const open = [...this.connections];
    for (let i = 0; i < open.length; i += SESSION_CHECK_BATCH) {
      const batch = open.slice(i, i + SESSION_CHECK_BATCH);
      const live = await this.sessions.stillLive([...new Set(batch.map((c) => c.user.sessionId))]);
      for (const connection of batch)
        if (!live.has(connection.user.sessionId)) connection.endSession();
    }
  }
}
