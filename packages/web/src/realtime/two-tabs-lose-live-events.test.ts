import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RealtimeClient } from './realtime-client';
import { browserRealtime } from './realtime-context';

/** The browser's WebSocket, driven by hand; every tab's sockets land in `opened`, newest last. */
class TabSocket {
  static opened: TabSocket[] = [];
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  constructor(readonly url: string) {
    TabSocket.opened.push(this);
  }
  send() {}
  close() {
    this.readyState = 3;
  }
  deliver(frame: unknown) {
    this.readyState = 1;
    this.onmessage?.({ data: JSON.stringify(frame) } as MessageEvent);
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({ code: 1006 } as CloseEvent);
  }
}

const event = (cursor: number) => ({
  type: 'event',
  event: { cursor, type: 'message.created', payload: {}, createdAt: 1 },
});

/** A tab of account u1 as the app opens it, and the cursors of the events it passed on. */
function openTab() {
  const client = browserRealtime('u1');
  const seen: number[] = [];
  client.onFrame((frame) => frame.type === 'event' && seen.push(frame.event.cursor));
  client.start();
  return { client, seen };
}

const newestSocket = () => TabSocket.opened.at(-1)!;

/**
 * Regression: every tab of an account kept the last seen cursor in one
 * localStorage entry, so once tab A had stored an event's cursor, tab B
 * dropped the same event as already seen (`cursor <= seen`): live messages,
 * receipts and recalls showed in one tab only, and B resumed from A's cursor.
 */
describe('regression: two tabs lose live events', () => {
  const clients: RealtimeClient[] = [];
  beforeEach(() => {
    vi.useFakeTimers();
    TabSocket.opened = [];
    vi.stubGlobal('WebSocket', TabSocket);
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.stop();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('gives both tabs of one browser every event once, and each resumes from its own cursor', () => {
    const a = openTab();
    const socketA = newestSocket();
    const b = openTab();
    const socketB = newestSocket();
    clients.push(a.client, b.client);
    socketA.deliver({ type: 'ready', cursor: 4 });
    socketB.deliver({ type: 'ready', cursor: 4 });

    socketA.deliver(event(5));
    socketB.deliver(event(5));
    socketB.deliver(event(6));
    socketA.deliver(event(6));
    socketA.deliver(event(6)); // a replay within one tab is still skipped
    expect(a.seen).toEqual([5, 6]);
    expect(b.seen).toEqual([5, 6]);

    // A hears 7 and 8; B drops before hearing them and must ask for them again.
    socketA.deliver(event(7));
    socketA.deliver(event(8));
    socketB.drop();
    vi.advanceTimersByTime(1000);
    const again = newestSocket();
    expect(again.url).toMatch(/\/api\/ws\?after=6$/);
    again.deliver(event(7));
    again.deliver(event(8));
    again.deliver({ type: 'ready', cursor: 8 });
    expect(a.seen).toEqual([5, 6, 7, 8]);
    expect(b.seen).toEqual([5, 6, 7, 8]);
  });
});
