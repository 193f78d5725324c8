import type { Conversation } from '@carillon/protocol/messaging';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import type { IdGenerator } from '../../platform/ids';
import type { AppGate } from '../../platform/organization-hooks';
import { memberRow } from './admission';
import type { ConversationsService } from './conversations.service';
import type { EventsService } from './events.service';
import type { BlockCheck } from './message-writer';
import type { MessagingStore } from './messaging.store';
import type { Workplaces } from './workplaces';

/** The friendship facts one-to-one chats depend on (features/contacts). */
export interface ContactRelations extends BlockCheck {
  areContacts(a: string, b: string): Promise<boolean>;
}

/**
 * One-to-one chats (MSG-1, ORG-4): exactly one open chat per pair of people
 * per context (ADR 12). The personal chat is opened with a contact; a work
 * chat in an organization with a colleague there, without being friends,
 * and the organization owns it. Closed to anyone a block stands between.
 */
export class DirectChatsService {
  constructor(
    private readonly store: MessagingStore,
    private readonly events: EventsService,
    private readonly conversations: ConversationsService,
    private readonly contacts: ContactRelations,
    private readonly workplaces: Workplaces,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    /** An organization may turn colleague chats off (ORG-7). */
    private readonly apps?: AppGate,
  ) {}

  /**
   * The chat between the caller and `peerId` in a context (personal, or the
   * organization `organizationId`), created on first use.
   */
  async open(userId: string, peerId: string, organizationId?: string): Promise<Conversation> {
    if (peerId === userId)
      throw new AppError('validation_failed', 'You cannot chat with yourself.', {
        issues: [{ path: 'body.userId', message: 'is you' }],
      });
    const context = organizationId ?? null;
    if (context !== null) {
      await this.requireColleagues(context, userId, peerId);
      await this.apps?.requireEnabled(context, 'colleague_chats');
    }
    if (await this.contacts.isBlocked(userId, peerId))
      throw new AppError('forbidden', 'You cannot message this person.');
    const existing = await this.find(context, userId, peerId);
    if (existing) return this.conversations.get(userId, existing);
    if (context === null && !(await this.contacts.areContacts(userId, peerId)))
      throw new AppError('forbidden', 'Add this person as a contact to chat with them.');
    try {
      return this.conversations.get(userId, await this.create(context, userId, peerId));
    } catch (err) {
      // A concurrent open of the same pair won the unique key: use its chat.
      const winner = await this.find(context, userId, peerId);
      if (winner) return this.conversations.get(userId, winner);
      throw err;
    }
  }

  /**
   * Colleagues may start a chat without being friends (ORG-4). An
   * organization the caller is not in is `404` like one that does not exist;
   * so is a peer who is not in it (the caller sees its directory anyway).
   */
  private async requireColleagues(organizationId: string, userId: string, peerId: string) {
    if (!(await this.workplaces.isMember(organizationId, userId))) throw notFound('Organization');
    if (!(await this.workplaces.isMember(organizationId, peerId))) throw notFound('Member');
  }

  private find(context: string | null, userId: string, peerId: string) {
    return context === null
      ? this.store.conversations.findDirect(userId, peerId)
      : this.store.orgConversations.findOpenChat(context, userId, peerId);
  }

  private async create(context: string | null, userId: string, peerId: string): Promise<string> {
    const now = this.clock.now();
    const id = this.ids.next();
    await this.events.inTransaction(async (tx, emit) => {
      // Serialized with a removal of either of them: both are still members at commit.
      if (
        context !== null &&
        !(await tx.orgConversations.holdMemberships(context, [userId, peerId]))
      )
        throw notFound('Member');
      await tx.conversations.insert(
        {
          id,
          kind: 'direct',
          name: null,
          announcement: null,
          join_approval_at: null,
          last_seq: 0,
          member_count: 2,
          created_at: now,
          last_activity_at: now,
          organization_id: context,
          org_group: null,
          department_id: null,
        },
        [memberRow(id, userId, 'member', now), memberRow(id, peerId, 'member', now)],
      );
      if (context === null) await tx.conversations.insertDirectPair(id, userId, peerId);
      else await tx.orgConversations.insertPair(id, context, userId, peerId);
      for (const member of [userId, peerId])
        await emit([userId, peerId], 'member.joined', { conversationId: id, userId: member });
    });
    return id;
  }
}
