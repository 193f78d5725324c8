import type { EventBus } from '../../platform/bus/event-bus';
import { userTopic } from '../messaging/events.service';

/** The bus event that closes every open socket of a user whose sessions have all ended. */
export const SESSIONS_ENDED = 'sessions.ended';

/**
 * Tells every node to close a user's sockets now rather than at the next
 * heartbeat's session re-check (which still catches them if this event is
 * lost: the bus is at-most-once). Publish only after every session of the
 * user was ended, as disabling an enterprise account does.
 */
export function publishSessionsEnded(bus: Pick<EventBus, 'publish'>, userId: string) {
  return bus.publish(userTopic(userId), { type: SESSIONS_ENDED });
}
