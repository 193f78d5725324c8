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
 * the starting cursor exactly once, in cursor order, whatever order the bus
 * delivers in. Work runs one job at a time, so the backlog, the live events
 * that arrive meanwhile and any gap fill never interleave.
 *
 * The algorithm (docs/adr/0010-realtime-gateway.md): the caller subscribes to
 * the bus before `start`, so every event committed after the log is read also
 * arrives live. A live event at or below the last cursor sent is a duplicate
 * and is dropped; the next cursor is sent; anything further ahead means one or
 * more events were missed or are still on their way from another node, so the
 * stream reads the log again, which already holds them (cursors commit in
 * order, and an event is published only after its commit).
 */
export class EventStream {
  private lastSent = 0;
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly userId: string,
    private readonly log: EventLog,
    private readonly out: StreamOutput,
    private readonly fail: (error: unknown) => void,
  ) {}

  /**
   * Sends the backlog after `after` (or nothing, from the newest cursor, when
   * absent), then `ready`. `subscribed` is the bus subscription being made:
   * the log is read only once it is live.
   */
  start(after: number | undefined, subscribed: Promise<unknown>): void {
    this.run(async () => {
      await subscribed;
      this.lastSent = after ?? (await this.log.newest(this.userId));
      await this.catchUp();
      if (!this.stopped) this.out.ready(this.lastSent);
    });
  }

  /** A live event from the bus; queued behind whatever the stream is doing. */
  offer(event: LiveEvent): void {
    this.run(() => this.deliver(event));
  }

  /** Stops all further sending; queued work is dropped. */
  stop(): void {
    this.stopped = true;
  }

  /** The newest cursor sent so far. */
  get cursor(): number {
    return this.lastSent;
  }

  private run(job: () => Promise<void>): void {
    this.chain = this.chain
      .then(() => (this.stopped ? undefined : job()))
      .catch((error: unknown) => {
        this.stopped = true;
        this.fail(error);
      });
  }

  private async deliver(event: LiveEvent): Promise<void> {
    if (event.cursor <= this.lastSent) return;
    if (event.cursor > this.lastSent + 1) return this.catchUp();
    if (this.out.sendLive(event)) this.lastSent = event.cursor;
    else this.stopped = true;
  }

  /** Sends everything the log holds after the last cursor sent. */
  private async catchUp(): Promise<void> {
    for (;;) {
      const page = await this.log.after(this.userId, this.lastSent, PAGE_SIZE);
      for (const event of page) {
        if (this.stopped) return;
        await this.out.sendBacklog(event);
        this.lastSent = event.cursor;
      }
      if (page.length < PAGE_SIZE) return;
    }
  }
}
