import type { PresenceFrame, PresenceSettings } from '@carillon/protocol/realtime';
import type { Clock } from '../../platform/clock';
import type { EventPublisher } from '../messaging/events.service';
import type { PresenceRepository, PresenceRow } from './presence.repository';

/** The bus topic a person's presence changes go to; watchers on any node subscribe. */
export const presenceTopic = (userId: string) => `presence.${userId}`;

/** The bus event on `presenceTopic`: the person's presence as watchers may see it. */
export type PresenceChanged = Omit<PresenceFrame, 'type'> & { type: 'presence.changed' };

/** A node's connection rows live this many heartbeats without a refresh. */
const TTL_HEARTBEATS = 3;

/**
 * Presence across nodes (docs/adr/0010): a person is online while any node
 * holds an unexpired connection row for them. Each node refreshes its rows
 * every heartbeat and sweeps everyone's expired rows, so a node that dies
 * takes its people offline within a few heartbeats. Every change is announced
 * on the bus with the person's privacy setting already applied.
 */
export class PresenceService {
  private readonly ttlMs: number;

  constructor(
    private readonly repository: PresenceRepository,
    private readonly clock: Clock,
    private readonly publish: EventPublisher,
    private readonly nodeId: string,
    heartbeatMs: number,
  ) {
    this.ttlMs = heartbeatMs * TTL_HEARTBEATS;
  }

  /** A device connected. */
  async connected(userId: string, connectionId: string): Promise<void> {
    await this.repository.addConnection({
      id: connectionId,
      user_id: userId,
      node_id: this.nodeId,
      expires_at: this.clock.now() + this.ttlMs,
    });
    await this.announce(userId);
  }

  /** A device disconnected; the last one to go sets the last-seen time. */
  async disconnected(userId: string, connectionId: string): Promise<void> {
    if (!(await this.repository.removeConnection(connectionId))) return;
    await this.wentAway(new Map([[userId, this.clock.now()]]));
  }

  /** Keeps this node's connections alive and takes dead nodes' people offline. */
  async heartbeat(): Promise<void> {
    const now = this.clock.now();
    await this.repository.refreshNode(this.nodeId, now + this.ttlMs);
    // A dead node last vouched for a connection one TTL before its row expired.
    const lastVouched = new Map<string, number>();
    for (const row of await this.repository.sweepExpired(now))
      lastVouched.set(
        row.user_id,
        Math.max(lastVouched.get(row.user_id) ?? 0, row.expires_at - this.ttlMs),
      );
    await this.wentAway(lastVouched);
  }

  /** Of `userIds`, those `watcherId` may watch: conversation partners and contacts. */
  async watchable(watcherId: string, userIds: string[]): Promise<string[]> {
    const related = await this.repository.relatedAmong(watcherId, [...new Set(userIds)]);
    return [...related];
  }

  /** The current presence of each person, as watchers may see it. */
  async current(userIds: string[]): Promise<PresenceChanged[]> {
    const online = await this.repository.onlineAmong(userIds, this.clock.now());
    const rows = new Map((await this.repository.findMany(userIds)).map((r) => [r.user_id, r]));
    return userIds.map((userId) => visiblePresence(userId, online.has(userId), rows.get(userId)));
  }

  async settings(userId: string): Promise<PresenceSettings> {
    const [row] = await this.repository.findMany([userId]);
    return { hideLastSeen: row?.last_seen_hidden_at != null };
  }

  /** Changes the setting; watchers hear of the new view at once. */
  async updateSettings(userId: string, settings: PresenceSettings): Promise<PresenceSettings> {
    const now = this.clock.now();
    await this.repository.setHiddenSince(userId, settings.hideLastSeen ? now : null, now);
    await this.announce(userId);
    return this.settings(userId);
  }

  /** Records last-seen times for the people of `left` who have no connection left anywhere. */
  private async wentAway(left: Map<string, number>): Promise<void> {
    const stillOnline = await this.repository.onlineAmong([...left.keys()], this.clock.now());
    for (const [userId, at] of left) {
      if (stillOnline.has(userId)) continue;
      await this.repository.recordLastSeen(userId, at);
      await this.announce(userId);
    }
  }

  /**
   * Publishes the person's state as read after the change. Two nodes may both
   * announce; watchers drop frames that change nothing, so that is harmless.
   */
  private async announce(userId: string): Promise<void> {
    const [state] = await this.current([userId]);
    await this.publish(presenceTopic(userId), state!);
  }
}

/** The one place that applies the last-seen setting. */
function visiblePresence(
  userId: string,
  online: boolean,
  row: PresenceRow | undefined,
): PresenceChanged {
  const hidden = row?.last_seen_hidden_at != null;
  const lastSeenAt = online || hidden ? null : (row?.last_seen_at ?? null);
  return { type: 'presence.changed', userId, online, lastSeenAt: lastSeenAt };
}
