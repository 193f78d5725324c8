import type {
  Conversation,
  CreateGroupBody,
  InviteLink,
  JoinResult,
  MemberSettingsBody,
  UpdateGroupBody,
} from '@carillon/protocol/messaging';
import QRCode from 'qrcode';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import type { AppGate } from '../../platform/organization-hooks';
import type { IdGenerator } from '../../platform/ids';
import type { Secrets } from '../../platform/secrets';
import type { ListedMembershipRow } from './conversations.repository';
import type { EventsService } from './events.service';
import { admitMember, memberRow } from './admission';
import { inviteUrl, signInvite, verifyInvite } from './invites';
import { loadConversationFor, requireGroup, requireManager } from './messaging.policy';
import type { MessagingStore } from './messaging.store';
import { isExternalGroup, type Workplaces } from './workplaces';

const HOUR_MS = 60 * 60 * 1000;
const DEFAULT_INVITE_HOURS = 168;

/** Turns a membership row into what the member sees; `external` is computed (workplaces.ts). */
export function presentConversation(row: ListedMembershipRow, external: boolean): Conversation {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    peerId: row.peer_id,
    announcement: row.announcement,
    joinApproval: row.join_approval_at !== null,
    role: row.role,
    memberCount: row.member_count,
    lastSeq: row.last_seq,
    lastActivityAt: row.last_activity_at,
    readSeq: row.read_seq,
    unread: Number(row.unread),
    muted: row.muted_at !== null,
    pinned: row.pinned_at !== null,
    organizationId: row.organization_id,
    orgGroup: row.org_group,
    external,
    ended: row.ended_at !== null,
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
    private readonly workplaces: Workplaces,
    /** An organization may turn group chats off for its enterprise accounts (ORG-7). */
    private readonly apps?: AppGate,
  ) {}

  /** The conversation as `userId` sees it; 404 unless they are a member. */
  async get(userId: string, conversationId: string): Promise<Conversation> {
    await loadConversationFor(this.store.conversations, userId, conversationId);
    const [conversation] = await this.present(
      await this.store.conversations.listFor(userId, conversationId),
    );
    return conversation!;
  }

  /** Pinned first, then by last activity, newest first. */
  async list(userId: string): Promise<Conversation[]> {
    return this.present(await this.store.conversations.listFor(userId));
  }

  /** Presents rows, with `external` worked out for the groups among them in two queries. */
  private async present(rows: ListedMembershipRow[]): Promise<Conversation[]> {
    const groups = rows.filter((r) => r.kind === 'group' && r.org_group === null).map((r) => r.id);
    const members = await this.store.orgConversations.memberIdsOf(groups);
    const people = [...new Set([...members.values()].flat())];
    const organizations = await this.workplaces.organizationsOf(people);
    return rows.map((row) =>
      presentConversation(row, isExternalGroup(row, members.get(row.id) ?? [], organizations)),
    );
  }

  /**
   * Creates a group; with `organizationId` the organization owns it (the
   * caller must be a member, else `404` like an organization that does not exist).
   */
  async createGroup(userId: string, body: CreateGroupBody): Promise<Conversation> {
    const organizationId = body.organizationId ?? null;
    await this.apps?.requireEnabledFor(userId, 'group_chats');
    const now = this.clock.now();
    const id = this.ids.next();
    await this.events.inTransaction(async (tx, emit) => {
      // Holds the caller's membership to commit, so a removal in flight sweeps this group too.
      if (
        organizationId !== null &&
        !(await tx.orgConversations.holdMemberships(organizationId, [userId]))
      )
        throw notFound('Organization');
      await tx.conversations.insert(
        {
          id,
          kind: 'group',
          name: body.name,
          announcement: null,
          join_approval_at: null,
          last_seq: 0,
          member_count: 1,
          created_at: now,
          last_activity_at: now,
          organization_id: organizationId,
          org_group: null,
          department_id: null,
        },
        [memberRow(id, userId, 'owner', now)],
      );
      await emit([userId], 'member.joined', { conversationId: id, userId });
    });
    return this.get(userId, id);
  }

  /** Renames, sets the announcement or switches join approval; owners and admins only. */
  async update(userId: string, conversationId: string, body: UpdateGroupBody) {
    const { joinApproval, ...texts } = body;
    await this.events.inTransaction(async (tx, emit) => {
      const me = await loadConversationFor(tx.conversations, userId, conversationId);
      requireGroup(me);
      requireManager(me);
      const approval =
        joinApproval === undefined || joinApproval === (me.join_approval_at !== null)
          ? {}
          : { join_approval_at: joinApproval ? this.clock.now() : null };
      await tx.conversations.update(conversationId, { ...texts, ...approval });
      await emit({ members: conversationId }, 'conversation.updated', {
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
    await this.requireInviter(userId, conversationId);
    const expiresAt = this.clock.now() + ttlHours * HOUR_MS;
    const token = signInvite(this.secrets, conversationId, expiresAt);
    return { token, url: inviteUrl(token), expiresAt };
  }

  /**
   * The invite link as a QR code (SVG) to show in person: of `token` when
   * given (it must be a live invite to this group), else of a fresh one.
   */
  async inviteQr(userId: string, conversationId: string, token?: string): Promise<string> {
    let link: string;
    if (token === undefined) {
      link = (await this.invite(userId, conversationId, DEFAULT_INVITE_HOURS)).url;
    } else {
      await this.requireInviter(userId, conversationId);
      if (verifyInvite(this.secrets, token, this.clock.now()) !== conversationId)
        throw new AppError('token_invalid', 'This invite link is invalid or has expired.');
      link = inviteUrl(token);
    }
    return QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M' });
  }

  private async requireInviter(userId: string, conversationId: string): Promise<void> {
    const me = await loadConversationFor(this.store.conversations, userId, conversationId);
    requireGroup(me);
    requireManager(me);
  }

  /**
   * Joins by invite; joining twice is harmless; a full group answers
   * `conflict`. A group with join approval records a request instead, which
   * its owner and admins hear of (`join.requested`).
   */
  async join(userId: string, token: string): Promise<JoinResult> {
    const now = this.clock.now();
    const invalid = new AppError('token_invalid', 'This invite link is invalid or has expired.');
    const conversationId = verifyInvite(this.secrets, token, now);
    if (!conversationId) throw invalid;
    const pending = await this.events.inTransaction(async (tx, emit) => {
      if (await tx.conversations.findMembership(conversationId, userId)) return undefined;
      const group = await tx.conversations.find(conversationId);
      if (!group) throw invalid; // Dissolved since the link was made.
      if (group.join_approval_at === null) {
        // A request left from while approval was on is moot now.
        await tx.joinRequests.remove(conversationId, userId);
        await admitMember(tx, emit, conversationId, userId, this.memberLimit, now);
        return undefined;
      }
      const row = { conversation_id: conversationId, user_id: userId, requested_at: now };
      if (await tx.joinRequests.request(row)) {
        const members = await tx.conversations.members(conversationId);
        const managers = members.filter((m) => m.role !== 'member').map((m) => m.user_id);
        await emit([...managers, userId], 'join.requested', { conversationId, userId });
      }
      return tx.joinRequests.find(conversationId, userId);
    });
    if (pending)
      return { pending: true, conversationId, userId, requestedAt: pending.requested_at };
    return { pending: false, ...(await this.get(userId, conversationId)) };
  }

  /** Leaves a group; the owner hands it over (or dissolves it) first. */
  async leave(userId: string, conversationId: string): Promise<void> {
    await this.events.inTransaction(async (tx, emit) => {
      const me = await loadConversationFor(tx.conversations, userId, conversationId);
      requireGroup(me);
      if (me.role === 'owner')
        throw new AppError('conflict', 'Transfer ownership or dissolve the group before leaving.');
      const before = await tx.conversations.memberIds(conversationId);
      await tx.conversations.removeMember(conversationId, userId);
      await emit(before, 'member.left', { conversationId, userId });
    });
  }
}
