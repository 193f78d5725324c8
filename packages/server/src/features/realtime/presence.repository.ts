import type { Kysely } from 'kysely';
import type { Database, PresenceTable } from '../../platform/db/schema';

export type PresenceRow = PresenceTable;

/** Live connections on every node, and each person's last-seen time and setting. */
export class PresenceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async addConnection(row: Database['presence_connections']): Promise<void> {
    await this.db.insertInto('presence_connections').values(row).execute();
  }

  /** Removes a connection; false when it was already gone (swept). */
  async removeConnection(id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('presence_connections')
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Pushes the expiry of every connection a node holds. */
  async refreshNode(nodeId: string, expiresAt: number): Promise<void> {
    await this.db
      .updateTable('presence_connections')
      .set({ expires_at: expiresAt })
      .where('node_id', '=', nodeId)
      .execute();
  }

  /** Deletes connections whose node stopped refreshing them; returns their owners. */
  async sweepExpired(now: number): Promise<{ user_id: string; expires_at: number }[]> {
    return this.db
      .deleteFrom('presence_connections')
      .where('expires_at', '<=', now)
      .returning(['user_id', 'expires_at'])
      .execute();
  }

  /** Of `userIds`, those with at least one unexpired connection. */
  async onlineAmong(userIds: string[], now: number): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('presence_connections')
      .select('user_id')
      .distinct()
      .where('user_id', 'in', userIds)
      .where('expires_at', '>', now)
      .execute();
    return new Set(rows.map((r) => r.user_id));
  }

  async findMany(userIds: string[]): Promise<PresenceRow[]> {
    if (userIds.length === 0) return [];
    return this.db.selectFrom('presence').selectAll().where('user_id', 'in', userIds).execute();
  }

  async recordLastSeen(userId: string, at: number): Promise<void> {
    await this.db
      .insertInto('presence')
      .values({ user_id: userId, last_seen_at: at, last_seen_hidden_at: null, updated_at: at })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ last_seen_at: at, updated_at: at }))
      .execute();
  }

  async setHiddenSince(userId: string, hiddenAt: number | null, now: number): Promise<void> {
    await this.db
      .insertInto('presence')
      .values({
        user_id: userId,
        last_seen_at: null,
        last_seen_hidden_at: hiddenAt,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet({ last_seen_hidden_at: hiddenAt, updated_at: now }),
      )
      .execute();
  }

  /**
   * Of `targets`, the people `watcherId` shares a conversation with or has as
   * a contact, leaving out anyone with a block between them either way.
   */
  async relatedAmong(watcherId: string, targets: string[]): Promise<Set<string>> {
    if (targets.length === 0) return new Set();
    const related = await this.db
      .selectFrom('conversation_members as mine')
      .innerJoin('conversation_members as theirs', 'theirs.conversation_id', 'mine.conversation_id')
      .select('theirs.user_id as id')
      .where('mine.user_id', '=', watcherId)
      .where('theirs.user_id', 'in', targets)
      .union(
        this.db
          .selectFrom('contacts')
          .select('contact_id as id')
          .where('user_id', '=', watcherId)
          .where('contact_id', 'in', targets),
      )
      .execute();
    const blocked = await this.db
      .selectFrom('contact_blocks')
      .select(['user_id', 'blocked_id'])
      .where((eb) =>
        eb.or([
          eb.and([eb('user_id', '=', watcherId), eb('blocked_id', 'in', targets)]),
          eb.and([eb('blocked_id', '=', watcherId), eb('user_id', 'in', targets)]),
        ]),
      )
      .execute();
    const excluded = new Set(blocked.flatMap((b) => [b.user_id, b.blocked_id]));
    excluded.delete(watcherId);
    return new Set(related.map((r) => r.id).filter((id) => !excluded.has(id)));
  }
}
