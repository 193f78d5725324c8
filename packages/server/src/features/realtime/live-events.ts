import type { EventBus, Subscription } from '../../platform/bus/event-bus';
import { EVENTS_TOPIC, isEventBatch, type EventBatch } from '../messaging/events.service';

/** A live event for one person: its cursor and the whole `event` frame, serialized. */
export interface LiveEvent {
  cursor: number;
  frame: string;
}

/** What a connection does with a live event of its person. */
export type LiveHandler = (event: LiveEvent) => void;

/**
 * A node's one subscription to every committed event (EVENTS_TOPIC), handed
 * to the connections of each recipient on this node. The frame text is built
 * once per event and differs per person only in the cursor, so a group's
 * fan-out costs a string join and a socket write per connection.
 */
export class LiveEvents {
  private readonly handlers = new Map<string, Set<LiveHandler>>();
  /** Settles once the subscription is live; events committed after that arrive here. */
  readonly subscribed: Promise<Subscription>;

  constructor(bus: EventBus, report: (error: unknown, context: string) => void) {
    this.subscribed = bus.subscribe(EVENTS_TOPIC, (event) => {
      if (isEventBatch(event)) this.dispatch(event);
      else report(new Error(`unexpected event on ${EVENTS_TOPIC}: ${event.type}`), 'live events');
    });
  }

  /** Starts handing `userId`'s live events to `handler`; returns what stops it. */
  listen(userId: string, handler: LiveHandler): () => void {
    let set = this.handlers.get(userId);
    if (!set) this.handlers.set(userId, (set = new Set()));
    set.add(handler);
    return () => {
      set.delete(handler);
      if (set.size === 0 && this.handlers.get(userId) === set) this.handlers.delete(userId);
    };
  }

  /** Stops listening to the bus (a bus already closed has nothing left to stop). */
  async close(): Promise<void> {
    await (await this.subscribed).unsubscribe().catch(() => undefined);
  }

  private dispatch(batch: EventBatch): void {
    let tail: string | undefined;
    for (const [userId, cursor] of batch.cursors) {
      const handlers = this.handlers.get(userId);
      if (!handlers) continue;
      tail ??= `,"type":${JSON.stringify(batch.eventType)},"payload":${batch.payload},"createdAt":${batch.createdAt}}}`;
      const event = { cursor, frame: `{"type":"event","event":{"cursor":${cursor}${tail}` };
      for (const handler of handlers) handler(event);
    }
  }
}
