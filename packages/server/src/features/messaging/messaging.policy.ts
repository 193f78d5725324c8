import { AppError, notFound } from '../../platform/errors';
import type { MembershipRow } from './conversations.repository';
import type { MessageRow } from './messages.repository';

/** A sender may recall their own message for this long (issue 4); owners and admins always. */
export const RECALL_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Reads a membership; the conversations repository (or a transaction's) answers it. */
export interface MembershipReader {
  findMembership(conversationId: string, userId: string): Promise<MembershipRow | undefined>;
}

/**
 * The only way to load a conversation for an actor. A conversation the actor
 * is not in answers exactly like one that does not exist, so ids reveal nothing.
 */
export async function loadConversationFor(
  reader: MembershipReader,
  actorId: string,
  conversationId: string,
): Promise<MembershipRow> {
  const membership = await reader.findMembership(conversationId, actorId);
  if (!membership) throw notFound('Conversation');
  return membership;
}

/**
 * Stops group-only actions (settings, invites, roles, leaving…) in a
 * one-to-one chat, which has no owner and nobody to run it, and in an
 * organization's all-staff and department groups, whose members follow the
 * directory and which the organization runs (ADR 12): always `409`.
 */
export function requireGroup(conversation: Pick<MembershipRow, 'kind' | 'org_group'>): void {
  if (conversation.kind !== 'group')
    throw new AppError('conflict', 'One-to-one chats have no group settings or roles.');
  if (conversation.org_group !== null)
    throw new AppError(
      'conflict',
      'This group follows the organization directory; the organization runs it.',
    );
}

/** Whether a member runs the group: owners and admins. */
export function isManager(member: Pick<MembershipRow, 'role'>): boolean {
  return member.role === 'owner' || member.role === 'admin';
}

/** Stops anyone but an owner or admin. */
export function requireManager(member: Pick<MembershipRow, 'role'>): void {
  if (!isManager(member))
    throw new AppError('forbidden', 'Only the owner or an admin may do this.');
}

/** Stops anyone but the owner. */
export function requireOwner(member: Pick<MembershipRow, 'role'>): void {
  if (member.role !== 'owner') throw new AppError('forbidden', 'Only the owner may do this.');
}

/** Owners remove anyone else; admins remove plain members; nobody removes themselves here. */
export function canRemove(actor: Pick<MembershipRow, 'role'>, target: { role: string }): boolean {
  if (actor.role === 'owner') return target.role !== 'owner';
  return actor.role === 'admin' && target.role === 'member';
}

/** The sender within the recall window, or an owner or admin at any time. */
export function canRecall(
  actor: Pick<MembershipRow, 'role' | 'user_id'>,
  message: Pick<MessageRow, 'sender_id' | 'created_at'>,
  now: number,
): boolean {
  if (isManager(actor)) return true;
  return message.sender_id === actor.user_id && now - message.created_at <= RECALL_WINDOW_MS;
}

/** Read receipts of a message are for its sender only. */
export function requireSender(actorId: string, message: Pick<MessageRow, 'sender_id'>): void {
  if (message.sender_id !== actorId)
    throw new AppError('forbidden', 'Only the sender sees who has read a message.');
}
