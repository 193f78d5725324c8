import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import type { IdGenerator } from '../../platform/ids';
import type { AppGate } from '../../platform/organization-hooks';
import type { KeyVault } from '../../privacy/vault/key-vault';
import { organizationVaultSubject } from '../../privacy/vault/vault-subjects';
import type { MembershipRow } from './conversations.repository';
import type { EventsService } from './events.service';
import { fileIdOf, serializeContent, type MessageContent } from './message-content';
import type { MessageRow } from './messages.repository';
import type { MessagingStore } from './messaging.store';

/** Whether a block stands between two people, whichever of them made it (features/contacts). */
export interface BlockCheck {
  isBlocked(a: string, b: string): Promise<boolean>;
}

/** A checked message about to be stored. */
export interface Draft {
  clientId: string;
  content: MessageContent;
  mentions: string[];
  mentionAll: boolean;
  replyTo: number | null;
  forwarded: boolean;
}

/**
 * What a message in this conversation records as `sealed_by`: the owning
 * organization's vault subject (its copy outlives the sender's account,
 * ADR 19), or NULL for the sender's own key (erasing them makes it
 * unreadable everywhere).
 */
function sealedByIn(conversation: Pick<MembershipRow, 'organization_id'>): string | null {
  return conversation.organization_id === null
    ? null
    : organizationVaultSubject(conversation.organization_id);
}

/**
 * The one way a message is stored, for sends and forwards alike: numbered
 * in the conversation's sequence, encrypted under the sender's key (the
 * organization's in its conversations), its attachment linked, every member
 * told, and idempotent by `clientId`.
 */
export class MessageWriter {
  constructor(
    private readonly store: MessagingStore,
    private readonly events: EventsService,
    private readonly vault: KeyVault,
    private readonly blocks: BlockCheck,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    /** An organization may turn file sharing off in the conversations it owns (ORG-7). */
    private readonly apps?: AppGate,
  ) {}

  /**
   * A one-to-one chat across a block takes no messages, in either direction;
   * nor does a colleague chat the other person has left (ADR 12), or whose
   * organization turned colleague chats off; nor does an organization's
   * conversation take files when it turned sharing off.
   */
  async requireOpen(me: MembershipRow, content: MessageContent): Promise<void> {
    if (me.ended_at !== null)
      throw new AppError('conflict', 'This colleague has left the organization.');
    if (me.kind === 'direct' && me.peer_id && (await this.blocks.isBlocked(me.user_id, me.peer_id)))
      throw new AppError('forbidden', 'You cannot message this person.');
    if (me.kind === 'direct' && me.organization_id)
      await this.apps?.requireEnabled(me.organization_id, 'colleague_chats');
    if (me.organization_id && fileIdOf(content) !== undefined)
      await this.apps?.requireEnabled(me.organization_id, 'file_sharing');
  }

  /** The message this sender already stored with this `clientId`, if any. */
  async earlier(userId: string, conversationId: string, clientId: string) {
    const row = await this.store.messages.findByClientId(userId, clientId);
    return row && this.retried(row, conversationId);
  }

  /**
   * Stores the draft; a concurrent retry that lost the race gets the winner's
   * row (`fresh` false: its content may differ from this draft).
   */
  async write(me: MembershipRow, draft: Draft): Promise<{ row: MessageRow; fresh: boolean }> {
    const { user_id: userId, id: conversationId } = me;
    const sealedBy = sealedByIn(me);
    const sealed = {
      body: await this.vault.encrypt(sealedBy ?? userId, serializeContent(draft.content)),
      sealedBy,
    };
    try {
      return await this.events.inTransaction(async (tx, emit) => {
        const now = this.clock.now();
        const seq = await tx.conversations.nextSeq(conversationId, now);
        // Sending implies having read everything before it. A read position never passes the
        // newest message, so only a sender removed since the caller's check has no row to move.
        if (!(await tx.conversations.advanceRead(conversationId, userId, seq)))
          throw notFound('Conversation');
        const row = this.newRow(userId, conversationId, seq, draft, sealed, now);
        await tx.messages.insert(row);
        const fileId = fileIdOf(draft.content);
        if (fileId !== undefined) await tx.messages.attach(row.id, conversationId, fileId);
        await emit({ members: conversationId }, 'message.created', {
          conversationId,
          seq,
          messageId: row.id,
          senderId: userId,
          kind: draft.content.kind,
        });
        return { row, fresh: true };
      });
    } catch (err) {
      // A concurrent retry won the unique (sender, clientId): answer with its message.
      const original = await this.earlier(userId, conversationId, draft.clientId);
      if (original) return { row: original, fresh: false };
      throw err;
    }
  }

  /** A retry: the first send's row, if it went to the same conversation. */
  private retried(row: MessageRow, conversationId: string): MessageRow {
    if (row.conversation_id !== conversationId)
      throw new AppError('conflict', 'This clientId was already used for another message.');
    return row;
  }

  private newRow(
    senderId: string,
    conversationId: string,
    seq: number,
    draft: Draft,
    sealed: { body: string; sealedBy: string | null },
    now: number,
  ): MessageRow {
    return {
      id: this.ids.next(),
      conversation_id: conversationId,
      seq,
      sender_id: senderId,
      client_id: draft.clientId,
      kind: draft.content.kind,
      body: sealed.body,
      mentions: JSON.stringify({ userIds: [...new Set(draft.mentions)], all: draft.mentionAll }),
      reply_to_seq: draft.replyTo,
      forwarded: draft.forwarded ? 1 : 0,
      recalled_at: null,
      created_at: now,
      sealed_by: sealed.sealedBy,
    };
  }
}
