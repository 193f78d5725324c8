import type { UserEvent } from '@carillon/protocol/messaging';
import { ServerFrame, type ClientFrame } from '@carillon/protocol/realtime';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import type { TestApp } from './harness';

/**
 * A real WebSocket client of `/api/ws` for tests and benchmarks.
 *
 *   const url = await listenOnLoopback(t);
 *   const client = await RealtimeClient.connect(url, { token });
 *   await client.waitFor((f) => f.type === 'ready');
 *   await client.waitForCursor(3);          // events 1..3 arrived
 *   const again = await client.reconnect(); // resumes with ?after=<cursor>
 */

/** How long `waitFor` waits unless told otherwise. */
const DEFAULT_WAIT_MS = 5_000;

/** Serves the test app on 127.0.0.1 with a free port; returns the `ws://…/api/ws` URL. */
export async function listenOnLoopback(t: Pick<TestApp, 'app'>): Promise<string> {
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = t.app.server.address() as AddressInfo;
  return `ws://127.0.0.1:${port}/api/ws`;
}

/** How to open a connection: a bearer token, or raw headers (a cookie and an Origin). */
export interface ConnectOptions {
  token?: string;
  /** Resume after this cursor (`?after=`). */
  after?: number;
  headers?: Record<string, string>;
}

/** Why a connection closed. */
export interface CloseInfo {
  code: number;
  reason: string;
}

/** One connection: every frame received, the newest cursor, and waits on both. */
export class RealtimeClient {
  /** Every server frame so far, in arrival order. */
  readonly frames: ServerFrame[] = [];
  /** The newest cursor seen: the last event's, or `ready`'s when that is newer. */
  cursor = 0;
  /** Settles when the socket closes. */
  readonly closed: Promise<CloseInfo>;
  private readonly waiters = new Set<() => void>();

  private constructor(
    readonly socket: WebSocket,
    private readonly url: string,
    private readonly options: ConnectOptions,
  ) {
    socket.on('message', (data) => {
      const frame = ServerFrame.parse(JSON.parse(String(data)));
      this.frames.push(frame);
      if (frame.type === 'event') this.cursor = frame.event.cursor;
      if (frame.type === 'ready') this.cursor = Math.max(this.cursor, frame.cursor);
      for (const wake of this.waiters) wake();
    });
    this.closed = new Promise((resolve) =>
      socket.on('close', (code, reason) => {
        resolve({ code, reason: String(reason) });
        for (const wake of this.waiters) wake();
      }),
    );
  }

  /** Opens a connection; resolves once the handshake succeeded (rejects otherwise). */
  static async connect(url: string, options: ConnectOptions): Promise<RealtimeClient> {
    const target = options.after === undefined ? url : `${url}?after=${options.after}`;
    const headers = {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    };
    // Listen before the handshake completes: the first frames can arrive in its packet.
    const client = new RealtimeClient(new WebSocket(target, { headers }), url, options);
    await new Promise<void>((resolve, reject) => {
      client.socket.once('open', () => resolve());
      client.socket.once('error', reject);
    });
    return client;
  }

  /** The events received, in order. */
  get events(): UserEvent[] {
    return this.frames.flatMap((f) => (f.type === 'event' ? [f.event] : []));
  }

  /** The first frame, received or to come, matching `predicate`; fails after `timeoutMs`. */
  async waitFor<T extends ServerFrame = ServerFrame>(
    predicate: (frame: ServerFrame) => boolean,
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<T> {
    let found: ServerFrame | undefined;
    await this.until(
      () => (found = this.frames.find(predicate)) !== undefined,
      timeoutMs,
      'a frame',
    );
    return found as T;
  }

  /** Resolves once an event with cursor ≥ `cursor` arrived. */
  async waitForCursor(cursor: number, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    await this.until(() => this.cursor >= cursor, timeoutMs, `cursor ${cursor}`);
  }

  /** Resolves once `count` more events than now have arrived. */
  async waitForMore(count: number, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    const target = this.events.length + count;
    await this.until(() => this.events.length >= target, timeoutMs, `${count} more events`);
  }

  /** Sends a frame, or any string (to test bad input). */
  send(frame: ClientFrame | string): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Opens a new connection with the same credentials, resuming after this one's cursor. */
  reconnect(): Promise<RealtimeClient> {
    return RealtimeClient.connect(this.url, { ...this.options, after: this.cursor });
  }

  /** Stops reading from the network, so the server's send buffer fills (slow consumer). */
  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    this.socket.resume();
  }

  /** Closes the connection and waits until it is closed. */
  async close(): Promise<CloseInfo> {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.close();
    return this.closed;
  }

  private until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const wake = () => {
        if (!check()) return;
        done();
        resolve();
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
      };
      this.waiters.add(wake);
    });
  }
}

/** Tries an upgrade expected to be refused; returns the HTTP status and JSON body. */
export function refusedUpgrade(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: { error: { id: string } } }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => {
      socket.close();
      reject(new Error('the upgrade was accepted'));
    });
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += String(chunk)));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(body) as never }),
      );
    });
    socket.once('error', () => undefined);
  });
}
