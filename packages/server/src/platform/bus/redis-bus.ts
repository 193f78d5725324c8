import { Redis } from 'ioredis';
import { type BusEvent, type BusOptions, type EventBus } from './event-bus';
import { TopicFanout, busOver, warnBusError } from './topic-fanout';

/** Options of the Redis adapter. */
export interface RedisBusOptions extends BusOptions {
  /** Names both connections in `CLIENT LIST` (`<name>:pub`, `<name>:sub`). */
  name?: string;
}

/**
 * The event bus over Redis pub/sub: one connection publishes, one subscribes
 * (a subscribed Redis connection can do nothing else). Each topic is a plain
 * SUBSCRIBE, taken once however many local handlers share it. ioredis
 * re-issues every SUBSCRIBE after a reconnect (`autoResubscribe`); events
 * published while the link was down are not replayed, as the bus promises
 * only at-most-once. Rejects when Redis cannot be reached at start.
 */
export async function createRedisBus(
  url: string,
  options: RedisBusOptions = {},
): Promise<EventBus> {
  const report = options.onError ?? warnBusError;
  const name = options.name ?? 'carillon-bus';
  const publisher = new Redis(url, { lazyConnect: true, connectionName: `${name}:pub` });
  const subscriber = new Redis(url, {
    lazyConnect: true,
    connectionName: `${name}:sub`,
    autoResubscribe: true,
  });
  publisher.on('error', (error: unknown) => report(error, 'redis publisher connection'));
  subscriber.on('error', (error: unknown) => report(error, 'redis subscriber connection'));
  try {
    await Promise.all([publisher.connect(), subscriber.connect()]);
  } catch (error) {
    publisher.disconnect();
    subscriber.disconnect();
    throw new Error(`The event bus cannot reach Redis at ${redactedUrl(url)}`, { cause: error });
  }

  const fanout = new TopicFanout(
    {
      join: async (topic) => void (await subscriber.subscribe(topic)),
      leave: async (topic) => void (await subscriber.unsubscribe(topic)),
    },
    report,
  );
  subscriber.on('message', (channel: string, message: string) => {
    let event: BusEvent;
    try {
      event = JSON.parse(message) as BusEvent;
    } catch (error) {
      report(error, `undecodable message on ${channel}`);
      return;
    }
    fanout.deliver(channel, event);
  });

  return busOver(fanout, {
    // One connection, commands in order: Redis keeps this publisher's order.
    send: async (topic, event) => {
      await publisher.publish(topic, JSON.stringify(event));
    },
    async shutdown() {
      await Promise.all([quit(publisher), quit(subscriber)]);
    },
  });
}

/** QUIT when connected (pending publishes go out first), else drop the socket and stop retrying. */
async function quit(client: Redis): Promise<void> {
  if (client.status !== 'ready') return void client.disconnect();
  await client.quit().catch(() => client.disconnect());
}

/** The URL without its password, for error messages. */
function redactedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
