/** When and how long the client checks that its socket still carries anything. */
export interface WatchdogTiming {
  /** Silence after which the client sends a `ping` frame. */
  pingAfterMs: number;
  /** Further silence after that ping before the socket counts as dead. */
  deadAfterMs: number;
}

/**
 * 20 s of quiet, then a ping the server answers at once: a dead socket shows
 * as offline within half a minute. The server's own heartbeat (every 15 s) is
 * made of WebSocket control frames, which browsers answer without telling the
 * page, so the page has to ask with a frame of its own.
 */
export const WATCHDOG_TIMING: WatchdogTiming = { pingAfterMs: 20_000, deadAfterMs: 10_000 };

/**
 * Notices a socket that went silent without closing (Wi-Fi gone, a laptop
 * asleep, a router that forgot the flow), which the browser would report only
 * after a TCP timeout of minutes: after a quiet spell it calls `ping`, and if
 * nothing at all is heard after that, `dead`.
 */
export class Watchdog {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ping: () => void,
    private readonly dead: () => void,
    private readonly timing: WatchdogTiming = WATCHDOG_TIMING,
  ) {}

  /** The socket was just opened or a frame came in: it is alive, count the quiet from now. */
  heard(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.dead();
      }, this.timing.deadAfterMs);
      this.ping();
    }, this.timing.pingAfterMs);
  }

  /** Stops counting (the socket is gone or the client stopped), so no timer outlives it. */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
