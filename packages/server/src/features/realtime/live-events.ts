import type { EventBus, Subscription } from '../../platform/bus/event-bus';
import { EVENTS_TOPIC, isEventBatch, type EventBatch } from '../messaging/events.service';

/** A live event for one person: its log position and the whole `event` frame, as UTF-8 text. */
export interface LiveEvent {
  cursor: number;
  frame: Buffer;
}

/** What a connection does with its person's live events. */
export interface LiveListener {
  offer(event: LiveEvent): void;
  /** Some event went missing on the bus: read the log again. */
  resync(): void;
}

/** How long a hole in the positions may stay open before the node stops waiting for it. */
const HOLE_WAIT_MS = 250;

/** A batch waiting for the positions before it, with the range it covers. */
interface Held {
  batch: EventBatch;
  first: number;
  last: number;
}

/**
 * A node's one subscription to every committed event (EVENTS_TOPIC), handed
 * to the connections of each recipient on this node in log order.
 *
 * Positions commit in order and without holes (ADR 17), so the node knows
 * the next one it must see. Batches from other nodes may overtake each other
 * on the bus: one that arrives early waits for the hole before it to fill.
 * A hole still open after HOLE_WAIT_MS means a publish was lost (the log has
 * it, since a later position has committed): every connection then reads the
 * log again, and the node moves past the hole.
 *
 * The frame is built and encoded once per position, so a conversation's
 * fan-out costs one buffer and a socket write per connection.
 */
export class LiveEvents {
  private readonly listeners = new Map<string, Set<LiveListener>>();
  private readonly held = new Map<number, Held>();
  private next: number | undefined;
  private holeTimer: NodeJS.Timeout | undefined;
  /** Settles once events committed from now on are sure to reach the listeners. */
  readonly ready: Promise<Subscription>;

  constructor(
    bus: EventBus,
    head: () => Promise<number>,
    private readonly report: (error: unknown, context: string) => void,
  ) {
    this.ready = bus
      .subscribe(EVENTS_TOPIC, (event) => {
        if (isEventBatch(event)) this.receive(event);
        else report(new Error(`unexpected event on ${EVENTS_TOPIC}: ${event.type}`), 'live events');
      })
      .then(async (subscription) => {
        // Everything at or below the head has committed and is read from the log by whoever needs it.
        this.next = (await head()) + 1;
        this.release();
        return subscription;
      });
  }

  /** Starts handing `userId`'s live events to `listener`; returns what stops it. */
  listen(userId: string, listener: LiveListener): () => void {
    let set = this.listeners.get(userId);
    if (!set) this.listeners.set(userId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(userId) === set) this.listeners.delete(userId);
    };
  }

  /** Stops listening to the bus (a bus already closed has nothing left to stop). */
  async close(): Promise<void> {
    clearTimeout(this.holeTimer);
    await (await this.ready).unsubscribe().catch(() => undefined);
  }

  private receive(batch: EventBatch): void {
    let first = Infinity;
    let last = -Infinity;
    for (const [, position] of batch.cursors) {
      if (position < first) first = position;
      if (position > last) last = position;
    }
    if (this.next !== undefined && last < this.next) return;
    this.held.set(first, { batch, first, last });
    this.release();
  }

  /** Dispatches the held batches that continue the log, in order. */
  private release(): void {
    if (this.next === undefined) return;
    for (const [first, held] of this.held) if (held.last < this.next) this.held.delete(first);
    for (let held = this.held.get(this.next); held; held = this.held.get(this.next)) {
      this.held.delete(held.first);
      this.dispatch(held.batch);
      this.next = held.last + 1;
    }
    if (this.held.size === 0) {
      clearTimeout(this.holeTimer);
      this.holeTimer = undefined;
    } else this.holeTimer ??= setTimeout(() => this.giveUpOnHole(), HOLE_WAIT_MS);
  }

  /** A hole stayed open: every connection re-reads the log, which has what fell into it. */
  private giveUpOnHole(): void {
    this.holeTimer = undefined;
    if (this.held.size === 0 || this.next === undefined) return;
    let last = this.next;
    for (const held of this.held.values()) last = Math.max(last, held.last);
    this.report(new Error(`events ${this.next}… missed on the bus; resyncing`), 'live events');
    this.held.clear();
    this.next = last + 1;
    for (const set of this.listeners.values()) for (const listener of set) listener.resync();
  }

  private dispatch(batch: EventBatch): void {
    let tail: string | undefined;
    let frame = Buffer.alloc(0);
    let framed = -1;
    for (const [userId, cursor] of batch.cursors) {
      const listeners = this.listeners.get(userId);
      if (!listeners) continue;
      tail ??= `,"type":${JSON.stringify(batch.eventType)},"payload":${batch.payload},"createdAt":${batch.createdAt}}}`;
      if (cursor !== framed) {
        frame = Buffer.from(`{"type":"event","event":{"cursor":${cursor}${tail}`);
        framed = cursor;
      }
      const event = { cursor, frame };
      for (const listener of listeners) listener.offer(event);
    }
  }
}
