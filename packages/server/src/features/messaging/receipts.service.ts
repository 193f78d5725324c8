import type { Receipts } from '@carillon/protocol/messaging';
import { notFound } from '../../platform/errors';
import type { EventsService } from './events.service';
import { loadConversationFor, requireSender } from './messaging.policy';
import type { MessagingStore } from './messaging.store';

/**
 * Read receipts (MSG-3) from one read position per member: a message at seq
 * N is read by every member whose position is at least N.
 */
export class ReceiptsService {
  constructor(
    private readonly store: MessagingStore,
    private readonly events: EventsService,
  ) {}

  /** Moves the caller's read position forward (never back, never past the newest message). */
  async markRead(userId: string, conversationId: string, seq: number): Promise<number> {
    return this.events.inTransaction(async (tx, emit) => {
      const me = await loadConversationFor(tx.conversations, userId, conversationId);
      const target = Math.min(seq, me.last_seq);
      if (!(await tx.conversations.advanceRead(conversationId, userId, target))) return me.read_seq;
      await emit({ members: conversationId }, 'receipt.updated', {
        conversationId,
        userId,
        readSeq: target,
      });
      return target;
    });
  }

  /** Who has and has not read a message; for its sender only. */
  async receipts(userId: string, conversationId: string, seq: number): Promise<Receipts> {
    const me = await loadConversationFor(this.store.conversations, userId, conversationId);
    const message = await this.store.messages.findBySeq(conversationId, seq);
    if (!message) throw notFound('Message');
    requireSender(userId, message);
    // Members who joined after the message was sent are not its readers.
    const others = (await this.store.conversations.members(conversationId)).filter(
      (m) => m.user_id !== userId && m.joined_seq < seq,
    );
    const readBy = others.filter((m) => m.read_seq >= seq).map((m) => m.user_id);
    const unreadBy = others.filter((m) => m.read_seq < seq).map((m) => m.user_id);
    return {
      seq,
      readCount: readBy.length,
      unreadCount: unreadBy.length,
      readBy,
      unreadBy,
      ...(me.kind === 'direct' ? { status: readBy.length > 0 ? 'read' : 'unread' } : {}),
    };
  }
}
