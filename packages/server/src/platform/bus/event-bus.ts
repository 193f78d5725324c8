/**
 * The event bus: how a change on one server node wakes every node that has a
 * client waiting for it (DESIGN.md: "All real-time delivery goes through the
 * bus", on one node as on ten). ADR 0008 explains the guarantees.
 *
 * Semantics, identical for every adapter (memory, Redis, NATS):
 * - **At most once.** An event reaches every subscriber that is subscribed, on
 *   any node, when it is published; one published while a node is
 *   disconnected is lost to that node. Durability is the database event log
 *   the messaging feature writes in the same transaction as the change; a
 *   client resumes from it by cursor. The bus only says "look now".
 * - **Order.** Events one bus publishes to one topic arrive in publish order.
 *   Nothing is promised across topics or across publishers.
 * - **Isolation.** A handler that throws (or rejects) is reported through
 *   `BusOptions.onError` and does not keep the event from other handlers.
 * - **Shape.** Events are plain JSON: each subscriber gets a decoded copy, so
 *   Dates, Maps and class instances do not survive, in memory as in Redis.
 */
export interface EventBus {
  /**
   * Sends `event` to every current subscriber of `topic` on every node.
   * Resolves once the bus has taken the event, not once it is handled; rejects
   * when the bus cannot take it (closed, broker unreachable). Callers that
   * already committed the change should log that and carry on: the event log
   * still has it.
   */
  publish(topic: string, event: BusEvent): Promise<void>;
  /**
   * Calls `handler` for each event later published to exactly `topic` (no
   * wildcards). Resolves once the subscription is live at the broker, so an
   * event published anywhere after that reaches the handler.
   */
  subscribe(topic: string, handler: BusHandler): Promise<Subscription>;
  /** Ends every subscription and releases every connection; the bus is unusable after. */
  close(): Promise<void>;
}

/** A JSON-serializable event; `type` names it, `<entity>.<past-verb>` (`message.created`). */
export type BusEvent = Record<string, unknown> & { type: string };

/** Receives one event. Handlers must not mutate it: local subscribers share one decoded copy. */
export type BusHandler = (event: BusEvent) => void;

/** One handler's subscription to one topic. */
export interface Subscription {
  /** Stops delivery to this handler; calling it twice is harmless. */
  unsubscribe(): Promise<void>;
}

/** What every adapter accepts. */
export interface BusOptions {
  /** Told about a failing handler, an undecodable message or a connection error; never throws. */
  onError?: (error: unknown, context: string) => void;
}

/** Thrown by an adapter asked to publish or subscribe after `close()`. */
export class BusClosedError extends Error {
  constructor() {
    super('The event bus is closed.');
  }
}

/**
 * Dotted words of letters, digits, `_` and `-` (`user.<uuid>`, `conversation.<id>`).
 * The narrowest rule every broker accepts: NATS treats `*`, `>` and spaces as
 * syntax, so the memory bus refuses them too and embedded mode finds the bug.
 */
const TOPIC_PATTERN = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

/** Throws a TypeError unless `topic` is a valid topic name. */
export function assertTopic(topic: string): void {
  if (!TOPIC_PATTERN.test(topic) || topic.length > 200)
    throw new TypeError(`Invalid bus topic ${JSON.stringify(topic)}: use dotted words.`);
}
