import { describe, expect, it } from 'vitest';
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
});
