import type { UserEvent } from '@carillon/protocol/messaging';
import { CloseCode, ServerFrame, type ClientFrame } from '@carillon/protocol/realtime';
import type { z } from 'zod';
import { backoffDelay } from './backoff';
import { Watchdog, type WatchdogTiming } from './watchdog';

/** What the connection indicator shows. */
export type ConnectionState = 'connecting' | 'online' | 'offline' | 'ended';

/** One event of the caller's stream. */
export type StreamEvent = z.infer<typeof UserEvent>;

/** The parts of WebSocket the client uses, so tests can hand in their own socket. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(code?: number): void;
}

/** What a RealtimeClient is built from. */
export interface RealtimeOptions {
  url: (after: number | null) => string;
  connect?: (url: string) => SocketLike;
  schedule?: (run: () => void, ms: number) => () => void;
  random?: () => number;
  /** When to ping a quiet socket and when to give it up (WATCHDOG_TIMING by default). */
  watchdog?: WatchdogTiming;
}

type FrameListener = (frame: ServerFrame) => void;
type StateListener = (state: ConnectionState) => void;

/**
 * The one WebSocket of this tab (ADR 0010): resumes from the last cursor after
 * any drop, reconnects with backoff, skips events it has already seen (so a
 * replay never applies twice), gives up a socket that went silent, and
 * reports its state for the indicator.
 *
 * The cursor lives in this object only. Every tab of an account gets every
 * event, so a cursor shared between tabs (localStorage) made one tab skip
 * what another had seen. Nor does a new page need one: its views read what
 * they show over HTTP and again on every `ready`, so it starts from now.
 */
export class RealtimeClient {
  private socket: SocketLike | null = null;
  /** The newest cursor this client has passed on (or been told by `ready`). */
  private cursor: number | null = null;
  private attempt = 0;
  private cancelRetry: (() => void) | null = null;
  private stopped = true;
  private current: ConnectionState = 'offline';
  private readonly frames = new Set<FrameListener>();
  private readonly states = new Set<StateListener>();
  private readonly connect: (url: string) => SocketLike;
  private readonly schedule: (run: () => void, ms: number) => () => void;
  private readonly watchdog: Watchdog;

  constructor(private readonly options: RealtimeOptions) {
    this.watchdog = new Watchdog(
      () => this.ping(),
      () => this.reconnectLater(),
      options.watchdog,
    );
    this.connect = options.connect ?? ((url) => new WebSocket(url));
    this.schedule =
      options.schedule ??
      ((run, ms) => {
        const timer = setTimeout(run, ms);
        return () => clearTimeout(timer);
      });
  }

  /** The state right now. */
  get state(): ConnectionState {
    return this.current;
  }

  /** Opens the connection (and keeps it open until `stop`). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.open();
  }

  /** Closes for good, e.g. on sign-out. */
  stop(): void {
    this.stopped = true;
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.release(1000);
    this.setState('offline');
  }

  /** Reconnects now instead of waiting out the backoff (the browser came back online). */
  retryNow(): void {
    if (this.stopped || this.current === 'online' || this.current === 'ended') return;
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.open();
  }

  /**
   * The browser lost its network: the socket cannot carry anything, so show
   * offline now rather than after a TCP timeout. Retries go on with backoff
   * (browsers sometimes report offline wrongly); `retryNow` on `online`.
   */
  networkLost(): void {
    if (this.stopped || this.current === 'offline' || this.current === 'ended') return;
    this.reconnectLater();
  }

  /** Sends a frame when connected; frames while offline are dropped (typing is ephemeral). */
  send(frame: ClientFrame): boolean {
    if (this.socket?.readyState !== 1 || this.current !== 'online') return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  /** Listens to every server frame; returns the unsubscribe function. */
  onFrame(listener: FrameListener): () => void {
    this.frames.add(listener);
    return () => this.frames.delete(listener);
  }

  /** Listens to state changes; returns the unsubscribe function. */
  onState(listener: StateListener): () => void {
    this.states.add(listener);
    return () => this.states.delete(listener);
  }

  private open(): void {
    this.release();
    this.setState('connecting');
    const socket = this.connect(this.options.url(this.cursor));
    this.socket = socket;
    // Counted from now: a handshake that never completes is as dead as a silent socket.
    this.watchdog.heard();
    // Both handlers are detached when the socket is let go (release), so only the current one speaks.
    socket.onmessage = (message) => {
      this.watchdog.heard();
      this.receive(String(message.data));
    };
    socket.onclose = (event) => {
      if (event.code !== CloseCode.sessionEnded) return this.reconnectLater();
      this.release();
      this.setState('ended');
    };
  }

  /** Drops the current socket (if any) and tries again after the backoff. */
  private reconnectLater(): void {
    this.release();
    if (this.stopped) return;
    this.setState('offline');
    this.cancelRetry?.();
    const delay = backoffDelay(this.attempt++, this.options.random);
    this.cancelRetry = this.schedule(() => {
      this.cancelRetry = null;
      if (!this.stopped) this.open();
    }, delay);
  }

  /** Lets go of the current socket: closes it if still open, and nothing it does later counts. */
  private release(code?: number): void {
    this.watchdog.stop();
    const socket = this.socket;
    if (!socket) return;
    this.socket = null;
    socket.onmessage = null;
    socket.onclose = null;
    if (socket.readyState <= 1) socket.close(code);
  }

  /** Asks the server for a sign of life; any frame back will do. */
  private ping(): void {
    if (this.socket?.readyState === 1)
      this.socket.send(JSON.stringify({ type: 'ping' } satisfies ClientFrame));
  }

  private receive(data: string): void {
    let frame: ServerFrame;
    try {
      const parsed = ServerFrame.safeParse(JSON.parse(data));
      if (!parsed.success) return;
      frame = parsed.data;
    } catch {
      return;
    }
    if (frame.type === 'event') {
      if (this.cursor !== null && frame.event.cursor <= this.cursor) return;
      this.cursor = frame.event.cursor;
    } else if (frame.type === 'ready') {
      this.cursor = Math.max(frame.cursor, this.cursor ?? 0);
      this.attempt = 0;
      this.setState('online');
    }
    for (const listener of this.frames) listener(frame);
  }

  private setState(state: ConnectionState): void {
    if (state === this.current) return;
    this.current = state;
    for (const listener of this.states) listener(state);
  }
}

/** The WebSocket address of this page's server, resuming after `after`. */
export function socketUrl(location: Location, after: number | null): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/api/ws${after === null ? '' : `?after=${after}`}`;
}
