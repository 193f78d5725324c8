import type { ForwardMessageBody, Message } from '@carillon/protocol/messaging';
import { notFound } from '../../platform/errors';
import { fileIdOf } from './message-content';
import type { MessagePresenter } from './message-presenter';
import type { MessageWriter } from './message-writer';
import { loadConversationFor } from './messaging.policy';
import type { MessagingStore } from './messaging.store';

/**
 * Forwarding (MSG-1): copies a message the caller can read into another of
 * their conversations, re-encrypted as anything written there is: under the
 * forwarder's key (the copy is theirs, so erasing the original sender does
 * not blank it), or the organization's in a conversation it owns (ADR 19);
 * with the same attachment and marked `forwarded`.
 */
export class ForwardingService {
  constructor(
    private readonly store: MessagingStore,
    private readonly writer: MessageWriter,
    private readonly presenter: MessagePresenter,
  ) {}

  /** Idempotent by `clientId`; the source must exist, be readable and not recalled (else 404). */
  async forward(
    userId: string,
    conversationId: string,
    body: ForwardMessageBody,
  ): Promise<Message> {
    const me = await loadConversationFor(this.store.conversations, userId, conversationId);
    const earlier = await this.writer.earlier(userId, conversationId, body.clientId);
    if (earlier) return this.presenter.presentOne(this.store.messages, earlier);
    const { conversationId: fromId, seq } = body.from;
    const from = await loadConversationFor(this.store.conversations, userId, fromId);
    const source = await this.store.messages.findBySeq(from.id, seq);
    const readable = source && (await this.presenter.contentOf(source));
    if (!source || !readable) throw notFound('Message');
    // The copy links the same file; once the file is gone there is nothing to forward.
    const fileId = fileIdOf(readable);
    if (fileId !== undefined) {
      const links = await this.store.messages.attachments([source.id]);
      if (links.get(source.id) !== fileId) throw notFound('Message');
    }
    await this.writer.requireOpen(me, readable);
    const { row, fresh } = await this.writer.write(me, {
      clientId: body.clientId,
      content: readable,
      mentions: [],
      mentionAll: false,
      replyTo: null,
      forwarded: true,
    });
    return fresh
      ? this.presenter.presentWritten(row, readable)
      : this.presenter.presentOne(this.store.messages, row);
  }
}
