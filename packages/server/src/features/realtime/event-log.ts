import type { UserEvent } from '@carillon/protocol/messaging';
import type { EventsService } from '../messaging/events.service';

/** Read access to the event log, as the gateway needs it to resume. */
export interface EventLog {
  /** The newest position; every event at or below it has committed. */
  head(): Promise<number>;
  /** A person's events after `from` up to `to`, oldest first, at most `limit`; and where that answer is complete to. */
  after(
    userId: string,
    from: number,
    to: number,
    limit: number,
  ): Promise<{ events: UserEvent[]; nextCursor: number }>;
}

/** The messaging event log (ADR 17) seen read-only. */
export function messagingEventLog(events: EventsService): EventLog {
  return {
    head: () => events.head(),
    after: (userId, from, to, limit) => events.after(userId, from, limit, to),
  };
}
