import type { Kysely } from 'kysely';
import { PreparedQuery, slot } from '../../platform/db/prepared-query';
import type { Database, EventsTable } from '../../platform/db/schema';

export type EventRow = EventsTable;

const take = new PreparedQuery((db) =>
  db
    .updateTable('event_log_head')
    .set((eb) => ({ position: eb('position', '+', slot<number>(0)) }))
    .where('id', '=', 1)
    .returning('position'),
);

const readHead = new PreparedQuery((db) =>
  db.selectFrom('event_log_head').select('position').where('id', '=', 1),
);

/** The newest position the event log has handed out. */
export async function logHead(db: Kysely<Database>): Promise<number> {
  const head = await readHead.first(db);
  if (!head) throw new Error('the event log has no head row');
  return Number(head.position);
}

const appendShared = new PreparedQuery((db) =>
  db.insertInto('events').values({
    position: slot<number>(0),
    conversation_id: slot<string>(1),
    user_id: null,
    type: slot<string>(2),
    payload: slot<string>(3),
    created_at: slot<number>(4),
  }),
);

/** Who an event is for: every member of a conversation, or each of some people. */
export type EventAudience = { conversationId: string } | { userIds: string[] };

/**
 * The shared event log (ADR 17): one position per row, handed out from one
 * counter row whose lock is held to commit, so positions commit in order and
 * without holes (a rolled-back append gives its positions back).
 */
export class EventsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Takes `count` positions; returns the first. */
  private async take(count: number): Promise<number> {
    const head = await take.first(this.db, count);
    if (!head) throw new Error('the event log has no head row');
    return Number(head.position) - count + 1;
  }

  /**
   * Appends one event: one row for a conversation's members, one row per
   * person otherwise. Returns the rows' positions, in the order of `userIds`.
   */
  async append(
    audience: EventAudience,
    type: string,
    payload: string,
    at: number,
  ): Promise<number[]> {
    if ('conversationId' in audience) {
      const position = await this.take(1);
      await appendShared.affected(this.db, position, audience.conversationId, type, payload, at);
      return [position];
    }
    if (audience.userIds.length === 0) return [];
    const first = await this.take(audience.userIds.length);
    const positions = audience.userIds.map((_, i) => first + i);
    await this.db
      .insertInto('events')
      .values(
        audience.userIds.map((user_id, i) => ({
          type,
          payload,
          created_at: at,
          position: positions[i]!,
          conversation_id: null,
          user_id,
        })),
      )
      .execute();
    return positions;
  }

  /** The newest position handed out (committed, for whoever reads it outside the writer). */
  head(): Promise<number> {
    return logHead(this.db);
  }

  /**
   * A person's events with `from < position <= to`, oldest first: their own,
   * and those of each conversation they are in from the position they joined
   * at. Callers bound `to - from` so the union stays small.
   */
  async after(userId: string, from: number, to: number, limit: number): Promise<EventRow[]> {
    const own = this.db
      .selectFrom('events')
      .selectAll()
      .where('user_id', '=', userId)
      .where('position', '>', from)
      .where('position', '<=', to);
    const shared = this.db
      .selectFrom('events as e')
      .innerJoin('conversation_members as m', 'm.conversation_id', 'e.conversation_id')
      .selectAll('e')
      .where('m.user_id', '=', userId)
      .where('e.position', '>', from)
      .where('e.position', '<=', to)
      .whereRef('e.position', '>', 'm.joined_position');
    const rows = await own.unionAll(shared).orderBy('position').limit(limit).execute();
    return rows.map((row) => ({
      ...row,
      position: Number(row.position),
      created_at: Number(row.created_at),
    }));
  }

  /**
   * Deletes a person's own past events about one conversation (ADR 12: a
   * leaver's colleague chats leave their history entirely; the
   * conversation's shared events stop being theirs when they leave).
   * Payloads are written by `JSON.stringify`, so the id appears exactly as
   * matched; ids are UUIDs, which hold no LIKE wildcards.
   */
  async forgetConversation(userId: string, conversationId: string): Promise<void> {
    await this.db
      .deleteFrom('events')
      .where('user_id', '=', userId)
      .where('payload', 'like', `%"conversationId":"${conversationId}"%`)
      .execute();
  }

  /**
   * Drops whom a recalled message mentioned from its `message.created`
   * event, so the log keeps no more of it than the placeholder does. The
   * event was written in the send's transaction: its time is found within a
   * minute of the message's (the index on time keeps the search to a few rows).
   */
  async forgetMentions(conversationId: string, messageId: string, sentAt: number): Promise<void> {
    const rows = await this.db
      .selectFrom('events')
      .select(['position', 'payload'])
      .where('created_at', '>=', sentAt - MINUTE_MS)
      .where('created_at', '<=', sentAt + MINUTE_MS)
      .where('conversation_id', '=', conversationId)
      .where('type', '=', 'message.created')
      .where('payload', 'like', `%"messageId":"${messageId}"%`)
      .execute();
    for (const row of rows) {
      const {
        mentions: _mentions,
        mentionAll: _all,
        ...rest
      } = JSON.parse(row.payload) as Record<string, unknown>;
      await this.db
        .updateTable('events')
        .set({ payload: JSON.stringify(rest) })
        .where('position', '=', row.position)
        .execute();
    }
  }
}

const MINUTE_MS = 60_000;
