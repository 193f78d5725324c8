import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, it } from 'node:test';
import { connect } from 'nats';
import { Redis } from 'ioredis';
import type { BusEvent, BusOptions, EventBus } from './event-bus';

/** Makes one bus "node"; every bus one factory makes must reach the others. */
export type MakeBus = (options: BusOptions) => Promise<EventBus>;

const WAIT_MS = 5000;

/** The Redis the bus tests use; CI has one on loopback. */
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** The NATS server the bus tests use; CI has one on loopback. */
export const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

/** Whether Redis answers PING. */
export async function redisReachable(): Promise<boolean> {
  const client = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** Whether a NATS connection can be made. */
export async function natsReachable(): Promise<boolean> {
  try {
    const nc = await connect({ servers: NATS_URL, reconnect: false, timeout: 2000 });
    await nc.close();
    return true;
  } catch {
    return false;
  }
}

/** A broker the tests run against: the environment that selects it, and whether it is up. */
export interface TestBroker {
  name: string;
  env: Record<string, string>;
  /** Where it is, for skip and failure messages. */
  where: string;
  reachable: () => Promise<boolean>;
}

/** Redis and NATS, as CI has them on loopback. */
export const BROKERS: TestBroker[] = [
  { name: 'Redis', env: { REDIS_URL }, where: `Redis at ${REDIS_URL}`, reachable: redisReachable },
  { name: 'NATS', env: { NATS_URL }, where: `NATS at ${NATS_URL}`, reachable: natsReachable },
];

/** Locally a missing broker is a visible skip; in CI (which has both) it is a failure. */
export function skipUnless(reachable: boolean, what: string): string | false {
  if (reachable) return false;
  if (process.env.CI === 'true') throw new Error(`${what} is not reachable`);
  return `${what} is not reachable`;
}

/** A topic no other test, file or parallel run shares. */
export function uniqueTopic(label: string): string {
  return `test.${label}.${randomBytes(6).toString('hex')}`;
}

/** Events received on one topic, and a bounded wait for a number of them. */
export interface Inbox {
  events: BusEvent[];
  /** Resolves once `count` events arrived; fails the test after 5 s. */
  waitFor(count: number): Promise<BusEvent[]>;
}

/** Subscribes an inbox to `topic` on `bus`. */
export async function subscribeInbox(bus: EventBus, topic: string) {
  const events: BusEvent[] = [];
  const subscription = await bus.subscribe(topic, (event) => void events.push(event));
  const inbox: Inbox = {
    events,
    waitFor: (count) =>
      waitUntil(
        () => events.length >= count,
        `${count} events on ${topic}, got ${events.length}`,
      ).then(() => events),
  };
  return { ...inbox, subscription };
}

/** Polls `check` until it holds; throws after 5 s, naming what it waited for. */
export async function waitUntil(check: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !check(); waited += 10) {
    if (waited >= WAIT_MS) throw new Error(`Timed out after ${WAIT_MS} ms waiting for ${what}`);
    await sleep(10);
  }
}

/** Sockets and timers this process holds, to see that close() gave its own back. */
function openHandles(): number {
  return process
    .getActiveResourcesInfo()
    .filter((kind) => kind === 'TCPSocketWrap' || kind === 'Timeout').length;
}

/**
 * The behaviour every EventBus adapter must have (event-bus.ts). `makeBus` is
 * called once or more per test; buses it makes stand for separate nodes.
 */
export function runBusContract(name: string, makeBus: MakeBus, skip: string | false = false) {
  describe(`${name} event bus`, { skip }, () => {
    const errors: { error: unknown; context: string }[] = [];
    const open: EventBus[] = [];
    const node = async () => {
      const bus = await makeBus({ onError: (error, context) => errors.push({ error, context }) });
      open.push(bus);
      return bus;
    };
    after(async () => {
      await Promise.all(open.map((bus) => bus.close()));
    });

    it('delivers a published event to a subscriber', async () => {
      const bus = await node();
      const topic = uniqueTopic('basic');
      const inbox = await subscribeInbox(bus, topic);
      await bus.publish(topic, { type: 'message.created', id: 'm1', nested: { n: 1 } });
      assert.deepEqual(await inbox.waitFor(1), [
        { type: 'message.created', id: 'm1', nested: { n: 1 } },
      ]);
    });

    it('fans out to every node, the publishing one included', async () => {
      const [a, b] = [await node(), await node()];
      const topic = uniqueTopic('nodes');
      const [onA, onB] = [await subscribeInbox(a, topic), await subscribeInbox(b, topic)];
      await a.publish(topic, { type: 'ping', from: 'a' });
      await b.publish(topic, { type: 'ping', from: 'b' });
      for (const inbox of [onA, onB])
        assert.deepEqual((await inbox.waitFor(2)).map((e) => e.from).sort(), ['a', 'b']);
    });

    it("keeps one publisher's order on a topic (500 events)", async () => {
      const [publisher, receiver] = [await node(), await node()];
      const topic = uniqueTopic('order');
      const inbox = await subscribeInbox(receiver, topic);
      await Promise.all(
        Array.from({ length: 500 }, (_, seq) => publisher.publish(topic, { type: 'seq', seq })),
      );
      const received = await inbox.waitFor(500);
      assert.deepEqual(
        received.map((e) => e.seq),
        Array.from({ length: 500 }, (_, seq) => seq),
      );
    });

    it('stops delivery to a handler that unsubscribed', async () => {
      const [publisher, receiver] = [await node(), await node()];
      const topic = uniqueTopic('unsub');
      const control = await subscribeInbox(publisher, topic);
      const gone = await subscribeInbox(receiver, topic);
      await gone.subscription.unsubscribe();
      await gone.subscription.unsubscribe();
      await publisher.publish(topic, { type: 'after' });
      await control.waitFor(1);
      await sleep(100);
      assert.deepEqual(gone.events, []);
    });

    it('keeps a topic for the handlers left when one of two unsubscribes', async () => {
      const [publisher, receiver] = [await node(), await node()];
      const topic = uniqueTopic('shared');
      const first = await subscribeInbox(receiver, topic);
      const second = await subscribeInbox(receiver, topic);
      await first.subscription.unsubscribe();
      await publisher.publish(topic, { type: 'still-here' });
      await second.waitFor(1);
      assert.deepEqual(first.events, []);
    });

    it('isolates a throwing handler from the others', async () => {
      const bus = await node();
      const topic = uniqueTopic('throws');
      const before = await subscribeInbox(bus, topic);
      await bus.subscribe(topic, () => {
        throw new Error('handler failure');
      });
      await bus.subscribe(topic, async () => {
        throw new Error('async handler failure');
      });
      const behind = await subscribeInbox(bus, topic);
      await bus.publish(topic, { type: 'one' });
      await bus.publish(topic, { type: 'two' });
      await behind.waitFor(2);
      await before.waitFor(2);
      await waitUntil(
        () => errors.filter((e) => e.context.includes(topic)).length === 4,
        'four reported handler failures',
      );
    });

    it('keeps topics apart', async () => {
      const bus = await node();
      const [t1, t2] = [uniqueTopic('iso'), uniqueTopic('iso')];
      const [one, two] = [await subscribeInbox(bus, t1), await subscribeInbox(bus, t2)];
      await bus.publish(t1, { type: 'for-one' });
      await bus.publish(t2, { type: 'for-two' });
      await Promise.all([one.waitFor(1), two.waitFor(1)]);
      await sleep(50);
      assert.deepEqual(one.events, [{ type: 'for-one' }]);
      assert.deepEqual(two.events, [{ type: 'for-two' }]);
    });

    it('refuses wildcard and empty topics', async () => {
      const bus = await node();
      for (const topic of ['', 'user.*', 'user.>', 'a..b', 'has space'])
        await assert.rejects(
          bus.subscribe(topic, () => undefined),
          TypeError,
        );
      await assert.rejects(bus.publish('user.*', { type: 'x' }), TypeError);
    });

    it('releases its connections on close() and refuses work after', async () => {
      const baseline = openHandles();
      const bus = await makeBus({});
      const topic = uniqueTopic('close');
      const inbox = await subscribeInbox(bus, topic);
      await bus.publish(topic, { type: 'last' });
      await inbox.waitFor(1);
      await bus.close();
      await bus.close();
      await waitUntil(() => openHandles() <= baseline, 'sockets and timers to be released');
      await assert.rejects(bus.publish(topic, { type: 'late' }));
      await assert.rejects(bus.subscribe(topic, () => undefined));
      await inbox.subscription.unsubscribe();
    });
  });
}
