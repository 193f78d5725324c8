import { type BusEvent, type BusOptions, type EventBus } from './event-bus';
import { TopicFanout, busOver, warnBusError } from './topic-fanout';

type Listener = (payload: string) => void;

/**
 * The broker of the in-process bus. Buses made on one hub reach each other,
 * so a test can run two app "nodes" in one process as a cluster would.
 */
export interface MemoryHub {
  /** Queues `payload` for every listener of `topic` there is now. */
  publish(topic: string, payload: string): void;
  /** Adds a listener; returns the function that removes it. */
  listen(topic: string, listener: Listener): () => void;
}

/** A hub with no buses on it yet. */
export function createMemoryHub(): MemoryHub {
  const topics = new Map<string, Set<Listener>>();
  return {
    publish(topic, payload) {
      // One microtask per delivery, queued in publish order: asynchronous like
      // a network broker, so no code comes to depend on delivery inside publish().
      for (const listener of topics.get(topic) ?? []) queueMicrotask(() => listener(payload));
    },
    listen(topic, listener) {
      const listeners = topics.get(topic) ?? new Set<Listener>();
      topics.set(topic, listeners);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && topics.get(topic) === listeners) topics.delete(topic);
      };
    },
  };
}

/**
 * The embedded default: an in-process bus with the same semantics as the
 * Redis and NATS adapters, including JSON encoding of every event. Alone it
 * reaches only this process; pass one `hub` to several buses to join them.
 */
export function createMemoryBus(options: BusOptions & { hub?: MemoryHub } = {}): EventBus {
  const hub = options.hub ?? createMemoryHub();
  const report = options.onError ?? warnBusError;
  const leaving = new Map<string, () => void>();
  const fanout = new TopicFanout(
    {
      join: async (topic) => {
        leaving.set(
          topic,
          hub.listen(topic, (payload) => fanout.deliver(topic, JSON.parse(payload) as BusEvent)),
        );
      },
      leave: async (topic) => {
        leaving.get(topic)?.();
        leaving.delete(topic);
      },
    },
    report,
  );
  return busOver(fanout, {
    send: (topic, event) => hub.publish(topic, JSON.stringify(event)),
    shutdown() {
      for (const leave of leaving.values()) leave();
      leaving.clear();
    },
  });
}
