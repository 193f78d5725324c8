import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RealtimeClient, type SocketLike } from './realtime-client';

/** A socket the test drives by hand. */
class HandSocket implements SocketLike {
  readyState = 0;
  onopen: SocketLike['onopen'] = null;
  onclose: SocketLike['onclose'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onerror: SocketLike['onerror'] = null;
  sent: string[] = [];
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
  }
  deliver(frame: unknown) {
    this.readyState = 1;
    this.onmessage?.({ data: JSON.stringify(frame) } as MessageEvent);
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code } as CloseEvent);
  }
}

const event = (cursor: number) => ({
  type: 'event',
  event: { cursor, type: 'message.created', payload: {}, createdAt: 1 },
});

function setUp() {
  const sockets: HandSocket[] = [];
  const retries: Array<{ run: () => void; ms: number }> = [];
  const client = new RealtimeClient({
    url: (after) => `ws://x/api/ws${after === null ? '' : `?after=${after}`}`,
    connect: (url) => {
      const socket = new HandSocket(url);
      sockets.push(socket);
      return socket;
    },
    schedule: (run, ms) => {
      retries.push({ run, ms });
      return () => undefined;
    },
    random: () => 0.5,
  });
  return { client, sockets, retries };
}

describe('RealtimeClient', () => {
  it('resumes after a drop from the last cursor, with growing backoff, and skips replays', () => {
    const { client, sockets, retries } = setUp();
    const seen: number[] = [];
    const states: string[] = [];
    client.onState((s) => states.push(s));
    client.onFrame((f) => f.type === 'event' && seen.push(f.event.cursor));
    client.start();
    expect(sockets[0]!.url).toBe('ws://x/api/ws');
    sockets[0]!.deliver({ type: 'ready', cursor: 4 });
    sockets[0]!.deliver(event(5));
    sockets[0]!.drop();
    expect(client.state).toBe('offline');
    expect(retries[0]!.ms).toBe(500);
    retries[0]!.run();
    expect(sockets[1]!.url).toBe('ws://x/api/ws?after=5');
    sockets[1]!.drop();
    expect(retries[1]!.ms).toBe(1000);
    retries[1]!.run();
    sockets[2]!.deliver(event(5)); // a replay of what was seen: ignored
    sockets[2]!.deliver(event(6));
    sockets[2]!.deliver({ type: 'ready', cursor: 6 });
    expect(seen).toEqual([5, 6]);
    expect(states).toEqual([
      'connecting',
      'online',
      'offline',
      'connecting',
      'offline',
      'connecting',
      'online',
    ]);
  });

  it('stops reconnecting when the session ended (4001)', () => {
    const { client, sockets, retries } = setUp();
    client.start();
    sockets[0]!.drop(4001);
    expect(client.state).toBe('ended');
    expect(retries).toHaveLength(0);
  });

  describe('an honest state when the network goes', () => {
    beforeEach(() => {
      vi.useFakeTimers();
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    /** Started and caught up to cursor 5; `pings` counts the ping frames the first socket sent. */
    function online() {
      const setup = setUp();
      setup.client.start();
      setup.sockets[0]!.deliver({ type: 'ready', cursor: 4 });
      setup.sockets[0]!.deliver(event(5));
      const pings = () =>
        setup.sockets[0]!.sent.filter((f) => JSON.parse(f).type === 'ping').length;
      return { ...setup, pings };
    }

    it('pings a quiet socket and, when nothing answers, drops it and resumes from its cursor', () => {
      const { client, sockets, retries, pings } = online();
      const seen: number[] = [];
      client.onFrame((f) => f.type === 'event' && seen.push(f.event.cursor));
      vi.advanceTimersByTime(19_999);
      expect(pings()).toBe(0);
      vi.advanceTimersByTime(1);
      expect(pings()).toBe(1);
      vi.advanceTimersByTime(9_999);
      expect(client.state).toBe('online');
      vi.advanceTimersByTime(1);
      expect(client.state).toBe('offline');
      expect(sockets[0]!.readyState).toBe(3);
      expect(retries).toHaveLength(1);
      sockets[0]!.deliver(event(6)); // the given-up socket wakes: not heard, it will be resent
      expect(seen).toEqual([]);
      retries[0]!.run();
      expect(sockets[1]!.url).toBe('ws://x/api/ws?after=5');
    });

    it('keeps a socket that answers, counting the quiet from its last frame', () => {
      const { client, sockets, pings } = online();
      vi.advanceTimersByTime(25_000);
      sockets[0]!.deliver({ type: 'pong' });
      vi.advanceTimersByTime(19_999);
      expect(pings()).toBe(1);
      vi.advanceTimersByTime(1);
      expect(pings()).toBe(2);
      sockets[0]!.deliver(event(6));
      vi.advanceTimersByTime(29_999);
      expect(client.state).toBe('online');
    });

    it('gives up a handshake that never completes, without pinging a socket not yet open', () => {
      const { client, sockets, retries } = setUp();
      client.start();
      vi.advanceTimersByTime(30_000);
      expect(sockets[0]!.sent).toEqual([]);
      expect(client.state).toBe('offline');
      expect(retries).toHaveLength(1);
    });

    it('shows offline the moment the browser loses the network, and reconnects when asked', () => {
      const { client, sockets, retries } = online();
      client.networkLost();
      expect(client.state).toBe('offline');
      expect(sockets[0]!.readyState).toBe(3);
      expect(retries).toHaveLength(1);
      client.networkLost(); // reported twice: still one retry
      expect(retries).toHaveLength(1);
      client.retryNow();
      expect(client.state).toBe('connecting');
      expect(sockets).toHaveLength(2);
      expect(sockets[1]!.url).toBe('ws://x/api/ws?after=5');
      sockets[1]!.deliver({ type: 'ready', cursor: 5 });
      expect(client.state).toBe('online');
    });

    it('closes a half-open attempt before starting another', () => {
      const { client, sockets } = setUp();
      client.start();
      client.networkLost();
      client.retryNow();
      client.retryNow();
      expect(sockets.map((s) => s.readyState)).toEqual([3, 3, 0]);
    });

    it('leaves no timer running once stopped or ended', () => {
      const { client } = online();
      expect(vi.getTimerCount()).toBe(1);
      client.stop();
      expect(vi.getTimerCount()).toBe(0);
      const other = online();
      other.sockets[0]!.drop(4001);
      expect(other.client.state).toBe('ended');
      expect(vi.getTimerCount()).toBe(0);
    });
  });
});
