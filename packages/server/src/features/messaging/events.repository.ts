import { sql, type Kysely } from 'kysely';
import type { Database, UserEventsTable } from '../../platform/db/schema';

export type UserEventRow = UserEventsTable;

/** Each person's event stream; the cursor rises by one per event, per person. */
export class EventsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Appends one event to each person's stream. The cursor rows are bumped in
   * sorted order, so concurrent writers lock them in the same order and never
   * deadlock; the locks are held until commit, so cursors commit in order.
   */
  async append(userIds: string[], type: string, payload: string, at: number) {
    if (userIds.length === 0) return [];
    const sorted = [...new Set(userIds)].sort();
    await this.db
      .insertInto('event_cursors')
      .values(sorted.map((user_id) => ({ user_id, last_cursor: 1 })))
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet((eb) => ({
          last_cursor: eb('event_cursors.last_cursor', '+', 1),
        })),
      )
      .execute();
    // One row per person from their new cursor; the payload is bound once, not once per person.
    const written = await this.db
      .insertInto('user_events')
      .columns(['user_id', 'cursor', 'type', 'payload', 'created_at'])
      .expression((eb) =>
        eb
          .selectFrom('event_cursors')
          .select([
            'user_id',
            'last_cursor',
            sql<string>`cast(${type} as text)`.as('type'),
            sql<string>`cast(${payload} as text)`.as('payload'),
            sql<number>`cast(${at} as bigint)`.as('created_at'),
          ])
          .where('user_id', 'in', sorted),
      )
      .returning(['user_id', 'cursor'])
      .execute();
    return written.map((row) => ({ user_id: row.user_id, cursor: Number(row.cursor) }));
  }

  /**
   * Deletes a person's past events about one conversation (ADR 12: a leaver's
   * colleague chats leave their history entirely). Payloads are written by
   * `JSON.stringify`, so the id appears exactly as matched; ids are UUIDs,
   * which hold no LIKE wildcards. The stream tolerates the gaps (ADR 10).
   */
  async forgetConversation(userId: string, conversationId: string): Promise<void> {
    await this.db
      .deleteFrom('user_events')
      .where('user_id', '=', userId)
      .where('payload', 'like', `%"conversationId":"${conversationId}"%`)
      .execute();
  }

  /** A person's events after a cursor, oldest first. */
  async after(userId: string, cursor: number, limit: number): Promise<UserEventRow[]> {
    return this.db
      .selectFrom('user_events')
      .selectAll()
      .where('user_id', '=', userId)
      .where('cursor', '>', cursor)
      .orderBy('cursor')
      .limit(limit)
      .execute();
  }
}
