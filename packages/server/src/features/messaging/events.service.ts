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

/** The topic a person's devices listen on. */
export const userTopic = (userId: string) => `user.${userId}`;

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
    const written: UserEventRow[] = [];
    const result = await this.store.transaction((tx) =>
      work(
        tx,
        this.writer(tx, (rows) => written.push(...rows)),
      ),
    );
    this.publishAll(written);
    return result;
  }

  /**
   * An `emit` inside a transaction someone else runs (an organization
   * change, ADR 12): it writes to `tx`, and `afterCommit` is handed the
   * publishing, which that transaction's owner runs once it has committed.
   */
  emitterIn(tx: MessagingStore, afterCommit: (task: () => void) => void): Emit {
    return this.writer(tx, (rows) => afterCommit(() => this.publishAll(rows)));
  }

  private writer(tx: MessagingStore, written: (rows: UserEventRow[]) => void): Emit {
    return async (userIds, type, payload) => {
      const at = this.clock.now();
      written(await tx.events.append(userIds, type, JSON.stringify(payload), at));
    };
  }

  private publishAll(rows: UserEventRow[]): void {
    const publish = this.publish;
    if (!publish) return;
    // The log already holds every event: a failed publish only delays clients until they resume.
    for (const row of rows)
      Promise.resolve()
        .then(() => publish(userTopic(row.user_id), { ...present(row) }))
        .catch(this.reportFailure);
  }

  /** A person's events after `cursor`, oldest first, and where to continue. */
  async after(userId: string, cursor: number, limit: number) {
    const rows = await this.store.events.after(userId, cursor, limit);
    const events = rows.map(present);
    return { events, nextCursor: rows.at(-1)?.cursor ?? cursor };
  }
}
