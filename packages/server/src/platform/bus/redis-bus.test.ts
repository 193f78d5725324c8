import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import {
  REDIS_URL,
  redisReachable,
  skipUnless,
  subscribeInbox,
  uniqueTopic,
} from './event-bus.contract';
import type { EventBus } from './event-bus';
import { createRedisBus } from './redis-bus';

const skip = skipUnless(await redisReachable(), `Redis at ${REDIS_URL}`);

/** Subscribers Redis counts on a channel, from any connection. */
async function subscriberCount(admin: Redis, topic: string): Promise<number> {
  const [, count] = (await admin.pubsub('NUMSUB', topic)) as [string, number];
  return Number(count);
}

/** The client id of the bus's subscriber connection, found by its name. */
async function subscriberId(admin: Redis, name: string): Promise<string | undefined> {
  const clients = (await admin.client('LIST')) as string;
  const line = clients.split('\n').find((l) => l.includes(` name=${name}:sub `));
  return line ? /^id=(\d+)/.exec(line)?.[1] : undefined;
}

/** Polls an asynchronous check every 20 ms; throws after 5 s. */
async function waitUntilAsync(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let waited = 0; !(await check()); waited += 20) {
    if (waited >= 5000) throw new Error(`Timed out waiting for ${what}`);
    await sleep(20);
  }
}

describe('Redis bus connections', { skip }, () => {
  let admin: Redis;
  let bus: EventBus;
  const name = `carillon-bus-test-${randomBytes(6).toString('hex')}`;
  before(async () => {
    admin = new Redis(REDIS_URL);
    bus = await createRedisBus(REDIS_URL, { name, onError: () => undefined });
  });
  after(async () => {
    await bus?.close();
    await admin?.quit();
  });

  it('takes one Redis subscription for two local handlers, dropped with the last', async () => {
    const topic = uniqueTopic('refcount');
    const [one, two] = [await subscribeInbox(bus, topic), await subscribeInbox(bus, topic)];
    assert.equal(await subscriberCount(admin, topic), 1);
    await one.subscription.unsubscribe();
    assert.equal(await subscriberCount(admin, topic), 1);
    await two.subscription.unsubscribe();
    assert.equal(await subscriberCount(admin, topic), 0);
  });

  it('resubscribes after its subscriber connection is killed', async () => {
    const topic = uniqueTopic('reconnect');
    const inbox = await subscribeInbox(bus, topic);
    const killed = await subscriberId(admin, name);
    assert.ok(killed, 'the subscriber connection is listed by name');
    await admin.client('KILL', 'ID', killed);
    // An event can reach it again once a new connection has re-issued the SUBSCRIBE.
    await waitUntilAsync(async () => {
      const id = await subscriberId(admin, name);
      return id !== undefined && id !== killed && (await subscriberCount(admin, topic)) === 1;
    }, 'a new subscriber connection, subscribed again');
    await bus.publish(topic, { type: 'after.reconnect' });
    assert.deepEqual(await inbox.waitFor(1), [{ type: 'after.reconnect' }]);
  });
});
