import type { Conversation } from '@carillon/protocol/messaging';
import type { Clock } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import type { IdGenerator } from '../../platform/ids';
import { memberRow } from './admission';
import type { ConversationsService } from './conversations.service';
import type { EventsService } from './events.service';
import type { BlockCheck } from './message-writer';
import type { MessagingStore } from './messaging.store';

/** The friendship facts one-to-one chats depend on (features/contacts). */
export interface ContactRelations extends BlockCheck {
  areContacts(a: string, b: string): Promise<boolean>;
}

/**
 * One-to-one chats (MSG-1): exactly one per pair of people, opened with a
 * contact, closed to anyone a block stands between.
 */
export class DirectChatsService {
  constructor(
    private readonly store: MessagingStore,
    private readonly events: EventsService,
    private readonly conversations: ConversationsService,
    private readonly contacts: ContactRelations,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** The chat between the caller and `peerId`, created on first use. */
  async open(userId: string, peerId: string): Promise<Conversation> {
    if (peerId === userId)
      throw new AppError('validation_failed', 'You cannot chat with yourself.', {
        issues: [{ path: 'body.userId', message: 'is you' }],
      });
    if (await this.contacts.isBlocked(userId, peerId))
      throw new AppError('forbidden', 'You cannot message this person.');
    const existing = await this.store.conversations.findDirect(userId, peerId);
    if (existing) return this.conversations.get(userId, existing);
    if (!(await this.mayStart(userId, peerId)))
      throw new AppError('forbidden', 'Add this person as a contact to chat with them.');
    try {
      return this.conversations.get(userId, await this.create(userId, peerId));
    } catch (err) {
      // A concurrent open of the same pair won the primary key: use its chat.
      const winner = await this.store.conversations.findDirect(userId, peerId);
      if (winner) return this.conversations.get(userId, winner);
      throw err;
    }
  }

  /**
   * Who may start a chat: contacts today. Colleagues in one organization
   * will be allowed here too once organizations exist (ORG).
   */
  private mayStart(userId: string, peerId: string): Promise<boolean> {
    return this.contacts.areContacts(userId, peerId);
  }

  private async create(userId: string, peerId: string): Promise<string> {
    const now = this.clock.now();
    const id = this.ids.next();
    await this.events.inTransaction(async (tx, emit) => {
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
        },
        [memberRow(id, userId, 'member', now), memberRow(id, peerId, 'member', now)],
      );
      await tx.conversations.insertDirectPair(id, userId, peerId);
      for (const member of [userId, peerId])
        await emit([userId, peerId], 'member.joined', { conversationId: id, userId: member });
    });
    return id;
  }
}
