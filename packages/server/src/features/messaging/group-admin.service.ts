import type { AddMembersResult, Role } from '@carillon/protocol/messaging';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import { admitMember } from './admission';
import type { MembershipRow } from './conversations.repository';
import type { ContactRelations } from './direct-chats.service';
import type { Emit, EventsService } from './events.service';
import {
  canRemove,
  isManager,
  loadConversationFor,
  requireGroup,
  requireOwner,
} from './messaging.policy';
import type { MessagingStore } from './messaging.store';
import type { Workplaces } from './workplaces';

/** A member as the others see them. */
export interface MemberView {
  userId: string;
  role: Role;
  joinedAt: number;
}

/**
 * One answer for anyone who may not be added, whatever the reason (a
 * stranger, a block, an id nobody has), so it tells nothing about them.
 */
const notAddable = () =>
  new AppError(
    'forbidden',
    'You can add only your friends (or, in a group your organization owns, colleagues there), and nobody a block stands between.',
  );

/**
 * Running a group (MSG-5): the member list, adding and removing members,
 * admins, handing over ownership and dissolving. Every change is an event to the members.
 */
export class GroupAdminService {
  constructor(
    private readonly store: MessagingStore,
    private readonly events: EventsService,
    private readonly contacts: ContactRelations,
    private readonly workplaces: Workplaces,
    private readonly clock: Clock,
    private readonly memberLimit: number,
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

  /**
   * Adds people a member knows, all or none: one who may not be added
   * refuses the whole request (`403`, naming nobody), and a batch that would
   * pass the member limit is `409`. Members already in are skipped. With join
   * approval on, a plain member's additions become join requests for the
   * owner and admins, exactly as if those people had used an invite link.
   */
  async add(userId: string, conversationId: string, userIds: string[]): Promise<AddMembersResult> {
    const group = await this.groupFor(this.store, userId, conversationId);
    const present = new Set(await this.store.conversations.memberIds(conversationId));
    const wanted = [...new Set(userIds)];
    // Checked before the transaction, like opening a direct chat: contacts live elsewhere.
    const colleagues = await this.requireAddable(
      group,
      wanted.filter((id) => !present.has(id)),
    );
    const now = this.clock.now();
    return this.events.inTransaction(async (tx, emit) => {
      const me = await this.groupFor(tx, userId, conversationId);
      // Serialized with a removal from the organization in flight (ADR 12), as creating a group is.
      if (
        colleagues.length > 0 &&
        !(await tx.orgConversations.holdMemberships(me.organization_id!, [userId, ...colleagues]))
      )
        throw notAddable();
      const members = new Set(await tx.conversations.memberIds(conversationId));
      const newcomers = wanted.filter((id) => !members.has(id));
      const skipped = wanted.filter((id) => members.has(id));
      if (me.join_approval_at !== null && !isManager(me)) {
        await this.request(tx, emit, conversationId, newcomers, userId, now);
        return { pending: newcomers.length > 0, added: [], requested: newcomers, skipped };
      }
      if (members.size + newcomers.length > this.memberLimit)
        throw new AppError('conflict', 'This group is full.');
      for (const id of newcomers) {
        // A request left from while approval was on is moot now.
        await tx.joinRequests.remove(conversationId, id);
        await admitMember(tx, emit, conversationId, id, this.memberLimit, now, userId);
      }
      return { pending: false, added: newcomers, requested: [], skipped };
    });
  }

  /**
   * Friends may be added; in a group an organization owns, so may the
   * organization's members when the caller is one too. Nobody a block stands
   * between. Answers those let in only as colleagues, to hold until commit.
   */
  private async requireAddable(group: MembershipRow, people: string[]): Promise<string[]> {
    const me = group.user_id;
    const org = group.organization_id;
    const inOrg = org !== null && people.length > 0 && (await this.workplaces.isMember(org, me));
    const colleagues: string[] = [];
    for (const id of people) {
      if (await this.contacts.isBlocked(me, id)) throw notAddable();
      if (await this.contacts.areContacts(me, id)) continue;
      if (!inOrg || !(await this.workplaces.isMember(org, id))) throw notAddable();
      colleagues.push(id);
    }
    return colleagues;
  }

  /** Records join requests on the applicants' behalf; the owner and admins hear of each new one. */
  private async request(
    tx: MessagingStore,
    emit: Emit,
    conversationId: string,
    applicants: string[],
    requestedBy: string,
    now: number,
  ): Promise<void> {
    const members = await tx.conversations.members(conversationId);
    const managers = members.filter((m) => isManager(m)).map((m) => m.user_id);
    for (const id of applicants) {
      const row = { conversation_id: conversationId, user_id: id, requested_at: now };
      if (await tx.joinRequests.request(row))
        await emit([...managers, id], 'join.requested', {
          conversationId,
          userId: id,
          requestedBy,
        });
    }
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
