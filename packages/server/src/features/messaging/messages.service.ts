import type { HistoryQuery, Message, SendMessageBody } from '@carillon/protocol/messaging';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import { checkAttachment, type AttachableFiles, type SharedFileAccess } from './attachable-files';
import type { ConversationsRepository, MembershipRow } from './conversations.repository';
import type { EventsService } from './events.service';
import { contentOf, fileIdOf } from './message-content';
import type { MessagePresenter } from './message-presenter';
import type { Draft, MessageWriter, Written } from './message-writer';
import type { MessageRow } from './messages.repository';
import { NO_MENTIONS } from './messaging.data';
import { canRecall, loadConversationFor, requireManager } from './messaging.policy';
import type { MessagingStore } from './messaging.store';

/** The consent ledger's gate, for the one message kind that needs a permission switch. */
export interface LocationConsent {
  require(subjectId: string, purpose: 'location'): Promise<void>;
}

/**
 * Messages (MSG-1): texts, images, files, voice and locations; idempotent
 * sends numbered per conversation, keyset history, recall and delete-for-me.
 * Content is encrypted under the sender's vault key, so erasing the sender
 * leaves it unreadable everywhere; in a conversation an organization owns,
 * under the organization's, which keeps its copy (ADR 19).
 */
export class MessagesService {
  constructor(
    private readonly store: MessagingStore,
    private readonly events: EventsService,
    private readonly writer: MessageWriter,
    private readonly presenter: MessagePresenter,
    private readonly files: AttachableFiles,
    private readonly canReadShared: SharedFileAccess,
    private readonly consents: LocationConsent,
    private readonly clock: Clock,
  ) {}

  /** Mentions name members (@all only from the owner or an admin); a reply names a message. */
  private async checkReferences(
    conversations: Pick<ConversationsRepository, 'memberIds'>,
    me: MembershipRow,
    body: SendMessageBody,
  ): Promise<void> {
    const mentions = 'mentions' in body ? body.mentions : [];
    if ('mentionAll' in body && body.mentionAll) requireManager(me);
    const memberIds = new Set(mentions.length > 0 ? await conversations.memberIds(me.id) : []);
    const strangers = mentions.filter((id) => !memberIds.has(id));
    const badReply = body.replyTo !== undefined && body.replyTo > me.last_seq;
    if (strangers.length > 0 || badReply)
      throw new AppError('validation_failed', 'Mentions and replies must name this conversation.', {
        issues: [
          ...(strangers.length > 0 ? [{ path: 'body.mentions', message: 'not a member' }] : []),
          ...(badReply ? [{ path: 'body.replyTo', message: 'no such message' }] : []),
        ],
      });
  }

  /** Sends a message; a retry with the same `clientId` returns the first one, never a copy. */
  async send(userId: string, conversationId: string, body: SendMessageBody): Promise<Message> {
    const content = contentOf(body);
    const draft: Draft = {
      clientId: body.clientId,
      content,
      mentions: 'mentions' in body ? body.mentions : [],
      mentionAll: 'mentionAll' in body ? body.mentionAll : false,
      replyTo: body.replyTo ?? null,
      forwarded: false,
    };
    // A text's checks are all messaging's, made in the unit that stores it; a location's
    // consent and an attachment's file are other features', made before.
    const selfContained = content.kind !== 'location' && fileIdOf(content) === undefined;
    const inOneUnit = selfContained
      ? await this.writer.writeChecked(userId, conversationId, draft, (tx, me) =>
          this.checkReferences(tx.conversations, me, body),
        )
      : undefined;
    const written = inOneUnit ?? (await this.checkThenWrite(userId, conversationId, body, draft));
    return written.fresh
      ? this.presenter.presentWritten(written.row, content)
      : this.presenter.presentOne(this.store.messages, written.row);
  }

  /** A send whose checks read beyond messaging: each before the unit of work that stores it. */
  private async checkThenWrite(
    userId: string,
    conversationId: string,
    body: SendMessageBody,
    draft: Draft,
  ): Promise<Written> {
    const me = await loadConversationFor(this.store.conversations, userId, conversationId);
    const earlier = await this.writer.earlier(userId, conversationId, body.clientId);
    if (earlier) return { row: earlier, fresh: false };
    const { content } = draft;
    // Sharing where one is, is the location switch's function; forwarding another's pin is not.
    if (content.kind === 'location') await this.consents.require(userId, 'location');
    await this.writer.requireOpen(me, content);
    await this.checkReferences(this.store.conversations, me, body);
    await checkAttachment(this.files, this.canReadShared, userId, content);
    return this.writer.write(me, draft);
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
    return this.presenter.presentAll(messages, rows);
  }

  /** Recalls a message: its content and attachment link leave the store; a placeholder stays. */
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
      if (message.mentions !== NO_MENTIONS)
        await tx.events.forgetMentions(conversationId, message.id, message.created_at);
      await emit({ members: conversationId }, 'message.recalled', {
        conversationId,
        seq,
        recalledBy: userId,
      });
      return { ...message, body: null, mentions: NO_MENTIONS, recalled_at: now };
    });
    return this.presenter.presentOne(this.store.messages, row);
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
