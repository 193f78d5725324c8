import type { EventType, UserEvent } from '@carillon/protocol/messaging';
import type { Clock } from '../../platform/clock';
import type { UserEventRow } from './events.repository';
import type { MessagingStore } from './messaging.store';

/** Publishes an event to a topic after commit; the bus's `publish` fits (platform/bus). */
export type EventPublisher = (
  topic: string,
  event: { type: string } & Record<string, unknown>,
) => Promise<void>;

/** Records an event for some people inside the current transaction. */
export type Emit = (
  userIds: string[],
  type: EventType,
  payload: Record<string, unknown>,
) => Promise<void>;

/** The topic a person's devices listen on for ephemeral notices (typing). */
export const userTopic = (userId: string) => `user.${userId}`;

/** The topic every node's gateway hears every committed event on. */
export const EVENTS_TOPIC = 'events';

/**
 * One emitted event as the bus carries it: the type, the payload as the JSON
 * text the log holds, and each recipient's cursor. One publish per event,
 * whatever the number of recipients, so a group's fan-out costs the bus and
 * each node one message, and each node serializes the event once.
 */
export type EventBatch = {
  type: 'events';
  eventType: EventType;
  /** The payload's JSON text, spliced into frames as it is. */
  payload: string;
  createdAt: number;
  /** `[userId, cursor]` for each recipient. */
  cursors: Array<[string, number]>;
};

/** Whether a bus event on EVENTS_TOPIC is an event batch. */
export function isEventBatch(event: { type: string }): event is EventBatch & typeof event {
  return event.type === 'events' && Array.isArray((event as Partial<EventBatch>).cursors);
}

function present(row: UserEventRow): UserEvent {
  return {
    cursor: row.cursor,
    type: row.type as EventType,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    createdAt: row.created_at,
  };
}

/**
 * The event log (MSG-2): events are written in the transaction of the change
 * they describe, published after commit, and read back by cursor to resume.
 */
export class EventsService {
  constructor(
    private readonly store: MessagingStore,
    private readonly clock: Clock,
    private readonly publish?: EventPublisher,
    private readonly reportFailure: (err: unknown) => void = () => {},
  ) {}

  /** Runs `work` in a transaction with an `emit`; what it emits is published once committed. */
  async inTransaction<T>(work: (tx: MessagingStore, emit: Emit) => Promise<T>): Promise<T> {
    let written: EventBatch[] = [];
    const result = await this.store.transaction((tx) => {
      // A run of `work` may be retried (group commit): only the last run's events count.
      written = [];
      return work(
        tx,
        this.writer(tx, (batch) => written.push(batch)),
      );
    });
    this.publishAll(written);
    return result;
  }

  /**
   * An `emit` inside a transaction someone else runs (an organization
   * change, ADR 12): it writes to `tx`, and `afterCommit` is handed the
   * publishing, which that transaction's owner runs once it has committed.
   */
  emitterIn(tx: MessagingStore, afterCommit: (task: () => void) => void): Emit {
    return this.writer(tx, (batch) => afterCommit(() => this.publishAll([batch])));
  }

  private writer(tx: MessagingStore, written: (batch: EventBatch) => void): Emit {
    return async (userIds, eventType, payload) => {
      const createdAt = this.clock.now();
      const text = JSON.stringify(payload);
      const rows = await tx.events.append(userIds, eventType, text, createdAt);
      if (rows.length === 0) return;
      const cursors = rows.map((row): [string, number] => [row.user_id, row.cursor]);
      written({ type: 'events', eventType, payload: text, createdAt, cursors });
    };
  }

  private publishAll(batches: EventBatch[]): void {
    const publish = this.publish;
    if (!publish) return;
    // The log already holds every event: a failed publish only delays clients until they resume.
    for (const batch of batches)
      Promise.resolve()
        .then(() => publish(EVENTS_TOPIC, batch))
        .catch(this.reportFailure);
  }

  /** A person's events after `cursor`, oldest first, and where to continue. */
  async after(userId: string, cursor: number, limit: number) {
    const rows = await this.store.events.after(userId, cursor, limit);
    const events = rows.map(present);
    return { events, nextCursor: rows.at(-1)?.cursor ?? cursor };
  }
}
