import type { UserEvent } from '@carillon/protocol/messaging';
import type { EventLog } from './event-log';
import type { LiveEvent } from './live-events';

/** Events read from the log per query while catching up. */
const PAGE_SIZE = 200;

/** Where a stream's events go; the connection implements it. */
export interface StreamOutput {
  /** Sends a backlog event; resolves when the socket can take more (backlog is paced). */
  sendBacklog(event: UserEvent): Promise<void>;
  /** Sends a live event's frame; false when the connection is gone or just closed as too slow. */
  sendLive(event: LiveEvent): boolean;
  /** Caught up: everything up to `cursor` is sent. */
  ready(cursor: number): void;
}

/**
 * One connection's view of a person's event stream (MSG-2): every event after
 * the starting cursor exactly once, in log order. Work runs one job at a
 * time, so the backlog, the live events that arrive meanwhile and a resync
 * never interleave.
 *
 * The algorithm (docs/adr/0017-shared-event-log.md): the caller listens to
 * the node's live events before `start`, and the node hands them over in log
 * order with no position skipped (or asks for a resync when one went
 * missing). The stream reads the log up to its newest position, which every
 * event at or below has committed; a live event at or below what the stream
 * has covered is a duplicate and dropped, anything above is the next one.
 */
export class EventStream {
  /** Every event of this person at or below this position has been sent. */
  private covered = 0;
  private chain: Promise<void> = Promise.resolve();
  /** Jobs started or waiting; live events skip the queue when there are none. */
  private queued = 0;
  private stopped = false;

  constructor(
    private readonly userId: string,
    private readonly log: EventLog,
    private readonly out: StreamOutput,
    private readonly fail: (error: unknown) => void,
  ) {}

  /**
   * Sends the backlog after `after` (or nothing, from the newest position,
   * when absent), then `ready`. `listening` settles once live events reach
   * this stream: the log is read only then.
   */
  start(after: number | undefined, listening: Promise<unknown>): void {
    this.run(async () => {
      await listening;
      const head = await this.log.head();
      // A cursor from beyond the log (another server, a stale copy) resumes from its end.
      this.covered = Math.min(after ?? head, head);
      await this.catchUp(head);
      if (!this.stopped) this.out.ready(this.covered);
    });
  }

  /**
   * A live event from the node; queued behind whatever the stream is doing,
   * or sent at once when it is doing nothing (the common case, and the one
   * a large room's fan-out pays per connection).
   */
  offer(event: LiveEvent): void {
    if (this.queued === 0) {
      if (!this.stopped) this.deliver(event);
    } else this.run(async () => this.deliver(event));
  }

  /** The node lost track of some events: read the log again from what was covered. */
  resync(): void {
    this.run(async () => this.catchUp(await this.log.head()));
  }

  /** Stops all further sending; queued work is dropped. */
  stop(): void {
    this.stopped = true;
  }

  /** Every event up to this position has been sent. */
  get cursor(): number {
    return this.covered;
  }

  private deliver(event: LiveEvent): void {
    if (event.cursor <= this.covered) return;
    if (this.out.sendLive(event)) this.covered = event.cursor;
    else this.stopped = true;
  }

  private run(job: () => Promise<void>): void {
    this.queued++;
    this.chain = this.chain
      .then(() => (this.stopped ? undefined : job()))
      .catch((error: unknown) => {
        this.stopped = true;
        this.fail(error);
      })
      .finally(() => this.queued--);
  }

  /** Sends everything the log holds for this person after what was covered, up to `head`. */
  private async catchUp(head: number): Promise<void> {
    while (this.covered < head && !this.stopped) {
      const page = await this.log.after(this.userId, this.covered, head, PAGE_SIZE);
      for (const event of page.events) {
        if (this.stopped) return;
        await this.out.sendBacklog(event);
        this.covered = event.cursor;
      }
      this.covered = Math.max(this.covered, page.nextCursor);
    }
  }
}
