import { JSONCodec, connect, type NatsConnection, type Subscription as NatsSub } from 'nats';
import { type BusEvent, type BusOptions, type EventBus } from './event-bus';
import { TopicFanout, busOver, warnBusError } from './topic-fanout';

/** Options of the NATS adapter. */
export interface NatsBusOptions extends BusOptions {
  /** The connection name the NATS server shows in its monitoring. */
  name?: string;
}

/**
 * The event bus over core NATS (not JetStream: at-most-once is the promise,
 * ADR 0008). Topics are subjects; each gets one NATS subscription however many
 * local handlers share it. The client reconnects forever and re-sends its
 * subscriptions itself; `close()` drains, so queued publishes go out first.
 * Rejects when NATS cannot be reached at start.
 */
export async function createNatsBus(url: string, options: NatsBusOptions = {}): Promise<EventBus> {
  const report = options.onError ?? warnBusError;
  const codec = JSONCodec<BusEvent>();
  let nc: NatsConnection;
  try {
    nc = await connect({
      servers: url,
      name: options.name ?? 'carillon-bus',
      maxReconnectAttempts: -1,
    });
  } catch (error) {
    throw new Error(`The event bus cannot reach NATS at ${redactedUrl(url)}`, { cause: error });
  }
  void watchStatus(nc, report);

  const subscriptions = new Map<string, NatsSub>();
  const fanout = new TopicFanout(
    {
      join: async (topic) => {
        const sub = nc.subscribe(topic, {
          callback: (error, message) => {
            if (error) return report(error, `subscription to ${topic}`);
            let event: BusEvent;
            try {
              event = codec.decode(message.data);
            } catch (decodeError) {
              return report(decodeError, `undecodable message on ${topic}`);
            }
            fanout.deliver(topic, event);
          },
        });
        subscriptions.set(topic, sub);
        // A round trip: once the server answers, it has registered the SUB.
        await nc.flush();
      },
      leave: async (topic) => {
        subscriptions.get(topic)?.unsubscribe();
        subscriptions.delete(topic);
      },
    },
    report,
  );

  return busOver(fanout, {
    // One connection writes in order: NATS keeps this publisher's order.
    send: (topic, event) => nc.publish(topic, codec.encode(event)),
    async shutdown() {
      subscriptions.clear();
      if (!nc.isClosed()) await nc.drain();
    },
  });
}

/** Reports errors the connection announces (slow consumer, permissions) until it closes. */
async function watchStatus(
  nc: NatsConnection,
  report: (error: unknown, context: string) => void,
): Promise<void> {
  for await (const status of nc.status())
    if (status.type === 'error') report(status.data, 'nats connection');
}

/** The URL without its password, for error messages. */
function redactedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
