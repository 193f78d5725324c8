import type { Role } from '@carillon/protocol/messaging';
import { AppError, notFound } from '../../platform/errors';
import type { EventsService } from './events.service';
import { canRemove, loadConversationFor, requireGroup, requireOwner } from './messaging.policy';
import type { MessagingStore } from './messaging.store';

/** A member as the others see them. */
export interface MemberView {
  userId: string;
  role: Role;
  joinedAt: number;
}

/**
 * Running a group (MSG-5): the member list, removing members, admins,
 * handing over ownership and dissolving. Every change is an event to the members.
 */
export class GroupAdminService {
  constructor(
    private readonly store: MessagingStore,
    private readonly events: EventsService,
  ) {}

  /** The actor's membership in a group; one-to-one chats have no owner to act (`409`). */
  private async groupFor(tx: MessagingStore, userId: string, conversationId: string) {
    const me = await loadConversationFor(tx.conversations, userId, conversationId);
    requireGroup(me);
    return me;
  }

  async members(userId: string, conversationId: string): Promise<MemberView[]> {
    await loadConversationFor(this.store.conversations, userId, conversationId);
    const rows = await this.store.conversations.members(conversationId);
    return rows.map((m) => ({ userId: m.user_id, role: m.role, joinedAt: m.joined_at }));
  }

  /** Owners remove anyone else, admins remove plain members. */
  async remove(userId: string, conversationId: string, targetId: string): Promise<void> {
    await this.events.inTransaction(async (tx, emit) => {
      const me = await loadConversationFor(tx.conversations, userId, conversationId);
      requireGroup(me);
      const target = await tx.conversations.findMembership(conversationId, targetId);
      if (!target) throw notFound('Member');
      if (!canRemove(me, target))
        throw new AppError('forbidden', 'You may not remove this member.');
      const before = await tx.conversations.memberIds(conversationId);
      await tx.conversations.removeMember(conversationId, targetId);
      await emit(before, 'member.left', { conversationId, userId: targetId, removedBy: userId });
    });
  }

  /** Makes a member an admin, or an admin a plain member; owner only. */
  async setRole(
    userId: string,
    conversationId: string,
    targetId: string,
    role: 'admin' | 'member',
  ) {
    await this.events.inTransaction(async (tx, emit) => {
      requireOwner(await this.groupFor(tx, userId, conversationId));
      const target = await tx.conversations.findMembership(conversationId, targetId);
      if (!target) throw notFound('Member');
      if (target.role === 'owner') throw new AppError('conflict', 'The owner keeps their role.');
      await tx.conversations.updateMember(conversationId, targetId, { role });
      await emit({ members: conversationId }, 'conversation.updated', {
        conversationId,
        member: { userId: targetId, role },
      });
    });
  }

  /** Hands the group to another member; the old owner stays on as an admin. */
  async transfer(userId: string, conversationId: string, targetId: string): Promise<void> {
    await this.events.inTransaction(async (tx, emit) => {
      requireOwner(await this.groupFor(tx, userId, conversationId));
      if (targetId === userId) return;
      if (!(await tx.conversations.findMembership(conversationId, targetId)))
        throw notFound('Member');
      await tx.conversations.updateMember(conversationId, targetId, { role: 'owner' });
      await tx.conversations.updateMember(conversationId, userId, { role: 'admin' });
      await emit({ members: conversationId }, 'conversation.updated', {
        conversationId,
        ownerId: targetId,
      });
    });
  }

  /** Ends the group for everyone: its members, messages and marks are deleted. */
  async dissolve(userId: string, conversationId: string): Promise<void> {
    await this.events.inTransaction(async (tx, emit) => {
      requireOwner(await this.groupFor(tx, userId, conversationId));
      const memberIds = await tx.conversations.memberIds(conversationId);
      await tx.conversations.delete(conversationId);
      await emit(memberIds, 'conversation.updated', { conversationId, dissolved: true });
    });
  }
}
