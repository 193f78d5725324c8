import type { HistoryQuery, Message, SendMessageBody } from '@carillon/protocol/messaging';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import type { IdGenerator } from '../../platform/ids';
import type { KeyVault } from '../../privacy/vault/key-vault';
import type { MembershipRow } from './conversations.repository';
import type { EventsService } from './events.service';
import type { MessageRow } from './messages.repository';
import { NO_MENTIONS } from './messaging.data';
import { canRecall, loadConversationFor, requireManager } from './messaging.policy';
import type { MessagingStore } from './messaging.store';

/**
 * Text messages (MSG-1): idempotent sends numbered per conversation, keyset
 * history, recall and delete-for-me. Bodies are encrypted under the sender's
 * vault key, so erasing the sender leaves them unreadable everywhere.
 */
export class MessagesService {
  constructor(
    private readonly store: MessagingStore,
    private readonly events: EventsService,
    private readonly vault: KeyVault,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** What a member sees of a message; the text only while it exists and is readable. */
  private async present(row: MessageRow): Promise<Message> {
    const readable = row.body !== null && row.sender_id !== null;
    const mentions = JSON.parse(row.mentions) as { userIds: string[]; all: boolean };
    return {
      id: row.id,
      conversationId: row.conversation_id,
      seq: row.seq,
      clientId: row.client_id,
      senderId: row.sender_id,
      text: readable ? ((await this.vault.decrypt(row.sender_id!, row.body!)) ?? null) : null,
      mentions: mentions.userIds,
      mentionAll: mentions.all,
      replyTo: row.reply_to_seq,
      recalled: row.recalled_at !== null,
      createdAt: row.created_at,
    };
  }

  /** A retry: the first send's message, if it went to the same conversation. */
  private retried(row: MessageRow, conversationId: string): Promise<Message> {
    if (row.conversation_id !== conversationId)
      throw new AppError('conflict', 'This clientId was already used for another message.');
    return this.present(row);
  }

  private async checkContent(me: MembershipRow, body: SendMessageBody): Promise<void> {
    if (body.mentionAll) requireManager(me);
    const memberIds = new Set(await this.store.conversations.memberIds(me.id));
    const strangers = body.mentions.filter((id) => !memberIds.has(id));
    const badReply = body.replyTo !== undefined && body.replyTo > me.last_seq;
    if (strangers.length > 0 || badReply)
      throw new AppError('validation_failed', 'Mentions and replies must name this conversation.', {
        issues: [
          ...(strangers.length > 0 ? [{ path: 'body.mentions', message: 'not a member' }] : []),
          ...(badReply ? [{ path: 'body.replyTo', message: 'no such message' }] : []),
        ],
      });
  }

  private newRow(
    senderId: string,
    conversationId: string,
    seq: number,
    body: SendMessageBody,
    sealed: string,
    now: number,
  ): MessageRow {
    return {
      id: this.ids.next(),
      conversation_id: conversationId,
      seq,
      sender_id: senderId,
      client_id: body.clientId,
      body: sealed,
      mentions: JSON.stringify({ userIds: [...new Set(body.mentions)], all: body.mentionAll }),
      reply_to_seq: body.replyTo ?? null,
      recalled_at: null,
      created_at: now,
    };
  }

  /** Sends a text; a retry with the same `clientId` returns the first message, never a copy. */
  async send(userId: string, conversationId: string, body: SendMessageBody): Promise<Message> {
    const me = await loadConversationFor(this.store.conversations, userId, conversationId);
    const earlier = await this.store.messages.findByClientId(userId, body.clientId);
    if (earlier) return this.retried(earlier, conversationId);
    await this.checkContent(me, body);
    const sealed = await this.vault.encrypt(userId, body.text);
    try {
      const row = await this.events.inTransaction(async (tx, emit) => {
        await loadConversationFor(tx.conversations, userId, conversationId);
        const now = this.clock.now();
        const seq = await tx.conversations.nextSeq(conversationId, now);
        const row = this.newRow(userId, conversationId, seq, body, sealed, now);
        await tx.messages.insert(row);
        // Sending implies having read everything before it.
        await tx.conversations.advanceRead(conversationId, userId, seq);
        await emit(await tx.conversations.memberIds(conversationId), 'message.created', {
          conversationId,
          seq,
          messageId: row.id,
          senderId: userId,
        });
        return row;
      });
      return this.present(row);
    } catch (err) {
      // A concurrent retry won the unique (sender, clientId): answer with its message.
      const original = await this.store.messages.findByClientId(userId, body.clientId);
      if (original) return this.retried(original, conversationId);
      throw err;
    }
  }

  /** Newest first: before a seq (default: from the newest), or centred on `around`. */
  async history(userId: string, conversationId: string, query: HistoryQuery): Promise<Message[]> {
    const me = await loadConversationFor(this.store.conversations, userId, conversationId);
    const { messages } = this.store;
    let rows: MessageRow[];
    if (query.around !== undefined) {
      const slice = { viewerId: userId, from: query.around };
      const newer = await messages.page(me.id, {
        ...slice,
        direction: 'newer',
        limit: Math.floor(query.limit / 2),
      });
      const older = await messages.page(me.id, {
        ...slice,
        direction: 'older',
        inclusive: true,
        limit: query.limit - newer.length,
      });
      rows = [...newer.reverse(), ...older];
    } else {
      const from = query.before ?? me.last_seq + 1;
      rows = await messages.page(me.id, {
        viewerId: userId,
        direction: 'older',
        from,
        limit: query.limit,
      });
    }
    return Promise.all(rows.map((row) => this.present(row)));
  }

  /** Recalls a message: its content leaves the store and a placeholder stays. */
  async recall(userId: string, conversationId: string, seq: number): Promise<Message> {
    const row = await this.events.inTransaction(async (tx, emit) => {
      const me = await loadConversationFor(tx.conversations, userId, conversationId);
      const message = await tx.messages.findBySeq(conversationId, seq);
      if (!message) throw notFound('Message');
      if (message.recalled_at !== null) return message;
      const now = this.clock.now();
      if (!canRecall(me, message, now))
        throw new AppError(
          'forbidden',
          message.sender_id === userId
            ? 'The 24-hour recall window has passed.'
            : 'Only the sender, the owner or an admin may recall this message.',
        );
      await tx.messages.recall(message.id, now);
      await emit(await tx.conversations.memberIds(conversationId), 'message.recalled', {
        conversationId,
        seq,
        recalledBy: userId,
      });
      return { ...message, body: null, mentions: NO_MENTIONS, recalled_at: now };
    });
    return this.present(row);
  }

  /** Deletes a message for the caller only; their other devices hear of it. */
  async hide(userId: string, conversationId: string, seq: number): Promise<void> {
    await this.events.inTransaction(async (tx, emit) => {
      await loadConversationFor(tx.conversations, userId, conversationId);
      const message = await tx.messages.findBySeq(conversationId, seq);
      if (!message) throw notFound('Message');
      await tx.messages.hide(message.id, userId, this.clock.now());
      await emit([userId], 'conversation.updated', { conversationId, hiddenSeq: seq });
    });
  }
}
