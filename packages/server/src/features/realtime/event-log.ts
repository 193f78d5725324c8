import type { UserEvent } from '@carillon/protocol/messaging';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema';
import type { EventsService } from '../messaging/events.service';

/** Read access to a person's event stream, as the gateway needs it to resume. */
export interface EventLog {
  /** Events after `cursor`, oldest first, at most `limit`. */
  after(userId: string, cursor: number, limit: number): Promise<UserEvent[]>;
  /** The person's newest cursor (0 before their first event). */
  newest(userId: string): Promise<number>;
}

/**
 * The messaging event log (ADR 0009) seen read-only. `newest` reads the cursor
 * table directly because the events service has no use for it itself.
 */
export function messagingEventLog(db: Kysely<Database>, events: EventsService): EventLog {
  return {
    after: async (userId, cursor, limit) => (await events.after(userId, cursor, limit)).events,
    async newest(userId) {
      const row = await db
        .selectFrom('event_cursors')
        .select('last_cursor')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(row?.last_cursor ?? 0);
    },
  };
}
