import type { Clock } from '../../platform/clock';
import { userTopic, type EventPublisher } from '../messaging/events.service';

/** A typing notice relays at most once per conversation per connection in this window. */
export const TYPING_WINDOW_MS = 3_000;

/**
 * The ephemeral frame published on `user.<id>` topics. Logged events carry a
 * numeric `cursor`; this carries `kind: 'ephemeral'` instead, so the gateway
 * can never mistake it for a stream event.
 */
export interface TypingBusEvent {
  [key: string]: unknown;
  type: 'typing';
  kind: 'ephemeral';
  conversationId: string;
  userId: string;
}

/** Whether a bus event on a user topic is an ephemeral typing notice. */
export function isTypingBusEvent(event: Record<string, unknown>): event is TypingBusEvent {
  return event.kind === 'ephemeral' && event.type === 'typing';
}

/**
 * Relays "is typing" to the other members' devices through the bus; nothing
 * is stored. `memberIds` answers from the conversation's member list.
 */
export class TypingRelay {
  constructor(
    private readonly memberIds: (conversationId: string) => Promise<string[]>,
    private readonly publish: EventPublisher,
  ) {}

  /** Relays `userId` typing in a conversation; false when they are not a member. */
  async relay(userId: string, conversationId: string): Promise<boolean> {
    const members = await this.memberIds(conversationId);
    if (!members.includes(userId)) return false;
    const event: TypingBusEvent = { type: 'typing', kind: 'ephemeral', conversationId, userId };
    await Promise.all(
      members.filter((id) => id !== userId).map((id) => this.publish(userTopic(id), event)),
    );
    return true;
  }
}

/**
 * One connection's typing throttle. Attempts count, not just relays, so a
 * client repeating frames for a conversation it is not in costs one lookup
 * per window, not one per frame.
 */
export class TypingThrottle {
  private readonly last = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  /** Whether a typing frame for this conversation may go through now; records it if so. */
  admit(conversationId: string): boolean {
    const now = this.clock.now();
    const previous = this.last.get(conversationId);
    if (previous !== undefined && now - previous < TYPING_WINDOW_MS) return false;
    if (this.last.size >= 100) this.forgetBefore(now - TYPING_WINDOW_MS);
    this.last.set(conversationId, now);
    return true;
  }

  private forgetBefore(cutoff: number): void {
    for (const [id, at] of this.last) if (at < cutoff) this.last.delete(id);
  }
}
