import {
  BusClosedError,
  assertTopic,
  type BusEvent,
  type BusHandler,
  type EventBus,
  type Subscription,
} from './event-bus';

/** How an adapter joins and leaves one topic at its broker. */
export interface TopicBroker {
  /** Called when a topic gets its first local handler; resolves once the broker delivers it. */
  join(topic: string): Promise<void>;
  /** Called when a topic loses its last local handler. */
  leave(topic: string): Promise<void>;
}

interface TopicState {
  handlers: Set<{ handler: BusHandler }>;
  joined: Promise<void>;
}

/**
 * The local half every adapter shares: handlers per topic, reference-counted
 * so any number of local handlers cost one broker subscription, and delivery
 * that isolates a failing handler from the others.
 */
export class TopicFanout {
  private readonly topics = new Map<string, TopicState>();

  constructor(
    private readonly broker: TopicBroker,
    private readonly report: (error: unknown, context: string) => void,
  ) {}

  /** Adds a handler; the first one for a topic joins it at the broker. */
  async subscribe(topic: string, handler: BusHandler): Promise<Subscription> {
    let state = this.topics.get(topic);
    if (!state) {
      const created: TopicState = { handlers: new Set(), joined: Promise.resolve() };
      created.joined = this.broker.join(topic).catch((error: unknown) => {
        if (this.topics.get(topic) === created) this.topics.delete(topic);
        throw error;
      });
      this.topics.set(topic, created);
      state = created;
    }
    // An entry per call, so one function subscribed twice is two subscriptions.
    const entry = { handler };
    state.handlers.add(entry);
    try {
      await state.joined;
    } catch (error) {
      state.handlers.delete(entry);
      throw error;
    }
    const joined = state;
    let active = true;
    return {
      unsubscribe: async () => {
        if (!active) return;
        active = false;
        joined.handlers.delete(entry);
        if (joined.handlers.size > 0 || this.topics.get(topic) !== joined) return;
        this.topics.delete(topic);
        await this.broker.leave(topic);
      },
    };
  }

  /** Hands one decoded event to every handler of `topic` still subscribed at this moment. */
  deliver(topic: string, event: BusEvent): void {
    const state = this.topics.get(topic);
    if (!state) return;
    for (const entry of [...state.handlers]) {
      if (!state.handlers.has(entry)) continue;
      try {
        const result: unknown = entry.handler(event);
        if (result instanceof Promise)
          result.catch((error: unknown) => this.report(error, `handler for ${topic}`));
      } catch (error) {
        this.report(error, `handler for ${topic}`);
      }
    }
  }

  /** Forgets every handler, as `close()` does; the broker connection is the adapter's to end. */
  clear(): void {
    this.topics.clear();
  }
}

/** The default `onError`: a process warning, because a bus must never crash its node. */
export function warnBusError(error: unknown, context: string): void {
  process.emitWarning(
    `event bus, ${context}: ${error instanceof Error ? error.message : String(error)}`,
  );
}

/** What differs between adapters once the fan-out is shared: how to send, and how to hang up. */
export interface BusTransport {
  /** Sends one checked event; resolves when the adapter has handed it on. */
  send(topic: string, event: BusEvent): Promise<void> | void;
  /** Ends the broker connection; called once, after every local handler is forgotten. */
  shutdown(): Promise<void> | void;
}

/**
 * The EventBus every adapter returns: one closed state, one topic check, one
 * fan-out. Closing twice is harmless; using a closed bus throws BusClosedError.
 */
export function busOver(fanout: TopicFanout, transport: BusTransport): EventBus {
  let closed = false;
  const open = (topic: string) => {
    if (closed) throw new BusClosedError();
    assertTopic(topic);
  };
  return {
    async publish(topic, event) {
      open(topic);
      await transport.send(topic, event);
    },
    async subscribe(topic, handler) {
      open(topic);
      return fanout.subscribe(topic, handler);
    },
    async close() {
      if (closed) return;
      closed = true;
      fanout.clear();
      await transport.shutdown();
    },
  };
}
