import type { Kysely } from 'kysely';
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
    const cursors = await this.db
      .insertInto('event_cursors')
      .values(sorted.map((user_id) => ({ user_id, last_cursor: 1 })))
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet((eb) => ({
          last_cursor: eb('event_cursors.last_cursor', '+', 1),
        })),
      )
      .returning(['user_id', 'last_cursor'])
      .execute();
    const rows: UserEventRow[] = cursors.map((c) => ({
      user_id: c.user_id,
      cursor: Number(c.last_cursor),
      type,
      payload,
      created_at: at,
    }));
    await this.db.insertInto('user_events').values(rows).execute();
    return rows;
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
