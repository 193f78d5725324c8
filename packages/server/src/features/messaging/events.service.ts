import type { EventType, UserEvent } from '@carillon/protocol/messaging';
import type { Clock } from '../../platform/clock';
import type { EventAudience, EventRow } from './events.repository';
import type { MessagingStore } from './messaging.store';

/** Publishes an event to a topic after commit; the bus's `publish` fits (platform/bus). */
export type EventPublisher = (
  topic: string,
  event: { type: string } & Record<string, unknown>,
) => Promise<void>;

/**
 * Records an event inside the current transaction: for some people, or for
 * every member of a conversation (`{ members: id }`), which the log holds
 * once however large the conversation.
 */
export type Emit = (
  audience: string[] | { members: string },
  type: EventType,
  payload: Record<string, unknown>,
) => Promise<void>;

/** The topic a person's devices listen on for ephemeral notices (typing). */
export const userTopic = (userId: string) => `user.${userId}`;

/** The topic every node's gateway hears every committed event on. */
export const EVENTS_TOPIC = 'events';

/**
 * One emitted event as the bus carries it: the type, the payload as the JSON
 * text the log holds, and each recipient with the event's log position (the
 * same for every member of a conversation). One publish per event, whatever
 * the number of recipients, so a group's fan-out costs the bus and each node
 * one message, and each node serializes the event once. The positions of one
 * batch are consecutive.
 */
export type EventBatch = {
  type: 'events';
  eventType: EventType;
  /** The payload's JSON text, spliced into frames as it is. */
  payload: string;
  createdAt: number;
  /** `[userId, position]` for each recipient. */
  cursors: Array<[string, number]>;
};

/** Whether a bus event on EVENTS_TOPIC is an event batch. */
export function isEventBatch(event: { type: string }): event is EventBatch & typeof event {
  return event.type === 'events' && Array.isArray((event as Partial<EventBatch>).cursors);
}

/** How far apart `from` and `to` of one read of a person's events may be. */
const READ_WINDOW = 5_000;

function present(row: EventRow): UserEvent {
  return {
    cursor: row.position,
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
    return async (audience, eventType, payload) => {
      const createdAt = this.clock.now();
      const text = JSON.stringify(payload);
      const shared = !Array.isArray(audience);
      const recipients = shared
        ? await tx.conversations.memberIds(audience.members)
        : [...new Set(audience)];
      if (recipients.length === 0) return;
      const target: EventAudience = shared
        ? { conversationId: audience.members }
        : { userIds: recipients };
      const positions = await tx.events.append(target, eventType, text, createdAt);
      const cursors = recipients.map((userId, i): [string, number] => [
        userId,
        shared ? positions[0]! : positions[i]!,
      ]);
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

  /** The newest position of the log. */
  head(): Promise<number> {
    return this.store.events.head();
  }

  /**
   * A person's events after `cursor`, oldest first, at most `limit`, read up
   * to `until` (default: the newest position). `nextCursor` is where the
   * answer is complete to: the last event's position, or `until` when fewer
   * than `limit` were found, since the log between holds only others' events.
   */
  async after(userId: string, cursor: number, limit: number, until?: number) {
    const end = until ?? (await this.head());
    const events: UserEvent[] = [];
    let from = Math.min(cursor, end);
    while (from < end && events.length < limit) {
      const to = Math.min(end, from + READ_WINDOW);
      const rows = await this.store.events.after(userId, from, to, limit - events.length);
      events.push(...rows.map(present));
      from = events.length < limit ? to : events.at(-1)!.cursor;
    }
    return { events, nextCursor: from };
  }
}
