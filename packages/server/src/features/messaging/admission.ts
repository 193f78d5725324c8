import { AppError } from '../../platform/errors';
import type { Emit } from './events.service';
import type { MessagingStore } from './messaging.store';

/**
 * Adds a person to a group inside the caller's transaction and tells
 * everyone, the newcomer included. The member limit holds even under
 * concurrent joins (`409` when full). Used by joining, by approval and by
 * a member adding people (`addedBy`, which the event carries).
 */
export async function admitMember(
  tx: MessagingStore,
  emit: Emit,
  conversationId: string,
  userId: string,
  memberLimit: number,
  now: number,
  addedBy?: string,
): Promise<void> {
  const others = await tx.conversations.memberIds(conversationId);
  const member = memberRow(conversationId, userId, 'member', now);
  if (!(await tx.conversations.addMember(member, memberLimit)))
    throw new AppError('conflict', 'This group is full.');
  await emit([...others, userId], 'member.joined', {
    conversationId,
    userId,
    ...(addedBy === undefined ? {} : { addedBy }),
  });
}

/** A new member row: nothing read, not muted, not pinned. */
export function memberRow(
  conversationId: string,
  userId: string,
  role: 'owner' | 'admin' | 'member',
  now: number,
) {
  return {
    conversation_id: conversationId,
    user_id: userId,
    role,
    read_seq: 0,
    joined_seq: 0,
    muted_at: null,
    pinned_at: null,
    joined_at: now,
  };
}
