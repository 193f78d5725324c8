import { assertTopic, type EventBus } from './event-bus';

/**
 * The bus seen through one installation's name: every topic becomes
 * `<prefix>.<topic>` at the broker. Installations (or test servers) that
 * share a Redis or NATS server then never hear each other's events, which
 * would otherwise look like holes in their event logs (ADR 8).
 */
export function withTopicPrefix(bus: EventBus, prefix: string): EventBus {
  assertTopic(prefix);
  return {
    publish: (topic, event) => bus.publish(`${prefix}.${topic}`, event),
    subscribe: (topic, handler) => bus.subscribe(`${prefix}.${topic}`, handler),
    close: () => bus.close(),
  };
}
