import type {
  Conversation,
  CreateGroupBody,
  InviteLink,
  MemberSettingsBody,
  UpdateGroupBody,
} from '@carillon/protocol/messaging';
import type { Clock } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import type { IdGenerator } from '../../platform/ids';
import type { Secrets } from '../../platform/secrets';
import type { ListedMembershipRow } from './conversations.repository';
import type { EventsService } from './events.service';
import { signInvite, verifyInvite } from './invites';
import { loadConversationFor, requireManager } from './messaging.policy';
import type { MessagingStore } from './messaging.store';

const HOUR_MS = 60 * 60 * 1000;

/** Turns a membership row into what the member sees. */
export function presentConversation(row: ListedMembershipRow): Conversation {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    announcement: row.announcement,
    role: row.role,
    memberCount: row.member_count,
    lastSeq: row.last_seq,
    lastActivityAt: row.last_activity_at,
    readSeq: row.read_seq,
    unread: Number(row.unread),
    muted: row.muted_at !== null,
    pinned: row.pinned_at !== null,
  };
}

/**
 * Groups that do not depend on friendships (MSG-5): create, invite by signed
 * link, join, leave, rename and announce, and each member's mute and pin.
 */
export class ConversationsService {
  constructor(
    private readonly store: MessagingStore,
    private readonly events: EventsService,
    private readonly secrets: Secrets,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly memberLimit: number,
  ) {}

  /** The conversation as `userId` sees it; 404 unless they are a member. */
  async get(userId: string, conversationId: string): Promise<Conversation> {
    await loadConversationFor(this.store.conversations, userId, conversationId);
    const [row] = await this.store.conversations.listFor(userId, conversationId);
    return presentConversation(row!);
  }

  /** Pinned first, then by last activity, newest first. */
  async list(userId: string): Promise<Conversation[]> {
    return (await this.store.conversations.listFor(userId)).map(presentConversation);
  }

  async createGroup(userId: string, body: CreateGroupBody): Promise<Conversation> {
    const now = this.clock.now();
    const id = this.ids.next();
    await this.events.inTransaction(async (tx, emit) => {
      await tx.conversations.insert(
        {
          id,
          kind: 'group',
          name: body.name,
          announcement: null,
          last_seq: 0,
          member_count: 1,
          created_at: now,
          last_activity_at: now,
        },
        memberRow(id, userId, 'owner', now),
      );
      await emit([userId], 'member.joined', { conversationId: id, userId });
    });
    return this.get(userId, id);
  }

  /** Renames or sets the announcement; owners and admins only. */
  async update(userId: string, conversationId: string, body: UpdateGroupBody) {
    await this.events.inTransaction(async (tx, emit) => {
      requireManager(await loadConversationFor(tx.conversations, userId, conversationId));
      await tx.conversations.update(conversationId, body);
      await emit(await tx.conversations.memberIds(conversationId), 'conversation.updated', {
        conversationId,
        ...body,
      });
    });
    return this.get(userId, conversationId);
  }

  /** The caller's own mute and pin; their other devices hear of it. */
  async configure(userId: string, conversationId: string, body: MemberSettingsBody) {
    const now = this.clock.now();
    await this.events.inTransaction(async (tx, emit) => {
      await loadConversationFor(tx.conversations, userId, conversationId);
      await tx.conversations.updateMember(conversationId, userId, {
        ...(body.muted === undefined ? {} : { muted_at: body.muted ? now : null }),
        ...(body.pinned === undefined ? {} : { pinned_at: body.pinned ? now : null }),
      });
      await emit([userId], 'conversation.updated', { conversationId, ...body });
    });
    return this.get(userId, conversationId);
  }

  /** A signed link anyone signed in may use to join until it expires; owners and admins only. */
  async invite(userId: string, conversationId: string, ttlHours: number): Promise<InviteLink> {
    requireManager(await loadConversationFor(this.store.conversations, userId, conversationId));
    const expiresAt = this.clock.now() + ttlHours * HOUR_MS;
    return { token: signInvite(this.secrets, conversationId, expiresAt), expiresAt };
  }

  /** Joins by invite; joining twice is harmless; a full group answers `conflict`. */
  async join(userId: string, token: string): Promise<Conversation> {
    const now = this.clock.now();
    const invalid = new AppError('token_invalid', 'This invite link is invalid or has expired.');
    const conversationId = verifyInvite(this.secrets, token, now);
    if (!conversationId) throw invalid;
    await this.events.inTransaction(async (tx, emit) => {
      if (await tx.conversations.findMembership(conversationId, userId)) return;
      const others = await tx.conversations.memberIds(conversationId);
      if (others.length === 0) throw invalid; // Dissolved since the link was made.
      const member = memberRow(conversationId, userId, 'member', now);
      if (!(await tx.conversations.addMember(member, this.memberLimit)))
        throw new AppError('conflict', 'This group is full.');
      await emit([...others, userId], 'member.joined', { conversationId, userId });
    });
    return this.get(userId, conversationId);
  }

  /** Leaves a group; the owner hands it over (or dissolves it) first. */
  async leave(userId: string, conversationId: string): Promise<void> {
    await this.events.inTransaction(async (tx, emit) => {
      const me = await loadConversationFor(tx.conversations, userId, conversationId);
      if (me.role === 'owner')
        throw new AppError('conflict', 'Transfer ownership or dissolve the group before leaving.');
      const before = await tx.conversations.memberIds(conversationId);
      await tx.conversations.removeMember(conversationId, userId);
      await emit(before, 'member.left', { conversationId, userId });
    });
  }
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
    muted_at: null,
    pinned_at: null,
    joined_at: now,
  };
}
