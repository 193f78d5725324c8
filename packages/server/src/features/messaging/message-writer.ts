import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/schema';
import { AppError, notFound } from '../../platform/errors';
import type { IdGenerator } from '../../platform/ids';
import type { AppGate } from '../../platform/organization-hooks';
import type { KeyVault } from '../../privacy/vault/key-vault';
import { organizationVaultSubject } from '../../privacy/vault/vault-subjects';
import type { MembershipRow } from './conversations.repository';
import type { Emit, EventsService } from './events.service';
import { fileIdOf, serializeContent, type MessageContent } from './message-content';
import type { MessageRow } from './messages.repository';
import { loadConversationFor } from './messaging.policy';
import type { MessagingStore } from './messaging.store';

/** Whether a block stands between two people, whichever of them made it (features/contacts). */
export interface BlockCheck {
  /** `db`: the connection to ask on, a transaction's to ask inside it. */
  isBlocked(a: string, b: string, db?: Kysely<Database>): Promise<boolean>;
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

/** A stored message; `fresh` is false for the row of an earlier send with the same `clientId`. */
export interface Written {
  row: MessageRow;
  fresh: boolean;
}

/** What a send checks of its own content inside its unit of work (mentions, replies). */
export type ContentCheck = (tx: MessagingStore, me: MembershipRow) => Promise<void>;

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
   * conversation take files when it turned sharing off. `tx`: the unit of
   * work to read the block in, when the check runs inside one.
   */
  async requireOpen(
    me: MembershipRow,
    content: MessageContent,
    tx: MessagingStore = this.store,
  ): Promise<void> {
    if (me.ended_at !== null)
      throw new AppError('conflict', 'This colleague has left the organization.');
    const peer = me.kind === 'direct' ? me.peer_id : null;
    if (peer && (await tx.within((db) => this.blocks.isBlocked(me.user_id, peer, db))))
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
   * Checks and stores a message in one unit of work: the membership, a
   * retry's `clientId`, whether the chat is open and `check` all read inside
   * the transaction that stores it. On SQLite a read inside a transaction
   * costs a fraction of one on its own, which starts and ends a read
   * transaction of its own: most of a send's reads cost less than its writes.
   *
   * The personal key seals the draft ahead; a conversation an organization
   * owns answers `undefined` instead, as its gates (ORG-7) and its key are
   * the organization feature's: the caller checks them and uses `write`.
   */
  async writeChecked(
    userId: string,
    conversationId: string,
    draft: Draft,
    check: ContentCheck,
  ): Promise<Written | undefined> {
    const sealed = await this.seal(null, userId, draft.content);
    return this.storing(userId, conversationId, draft.clientId, async (tx, emit) => {
      const me = await loadConversationFor(tx.conversations, userId, conversationId);
      if (me.organization_id !== null) return undefined;
      const earlier = await tx.messages.findByClientId(userId, draft.clientId);
      if (earlier) return { row: this.retried(earlier, conversationId), fresh: false };
      await this.requireOpen(me, draft.content, tx);
      await check(tx, me);
      return this.insert(tx, emit, me, draft, sealed);
    });
  }

  /**
   * Stores a draft its caller has checked; a concurrent retry that lost the
   * race gets the winner's row (`fresh` false: its content may differ).
   */
  async write(me: MembershipRow, draft: Draft): Promise<Written> {
    const sealedBy = sealedByIn(me);
    const sealed = await this.seal(sealedBy, me.user_id, draft.content);
    return this.storing(me.user_id, me.id, draft.clientId, (tx, emit) =>
      this.insert(tx, emit, me, draft, sealed),
    );
  }

  private async seal(sealedBy: string | null, userId: string, content: MessageContent) {
    return {
      body: await this.vault.encrypt(sealedBy ?? userId, serializeContent(content)),
      sealedBy,
    };
  }

  /** Runs `work` in a transaction; a lost race on the unique (sender, clientId) answers with the winner. */
  private async storing<T extends Written | undefined>(
    userId: string,
    conversationId: string,
    clientId: string,
    work: (tx: MessagingStore, emit: Emit) => Promise<T>,
  ): Promise<T | Written> {
    try {
      return await this.events.inTransaction(work);
    } catch (err) {
      const original = await this.earlier(userId, conversationId, clientId);
      if (original) return { row: original, fresh: false };
      throw err;
    }
  }

  private async insert(
    tx: MessagingStore,
    emit: Emit,
    me: MembershipRow,
    draft: Draft,
    sealed: { body: string; sealedBy: string | null },
  ): Promise<Written> {
    const { user_id: userId, id: conversationId } = me;
    const now = this.clock.now();
    const seq = await tx.conversations.nextSeq(conversationId, now);
    // Sending implies having read everything before it. A read position never passes the
    // newest message, so only a sender removed since the caller's check has no row to move.
    if (!(await tx.conversations.advanceRead(conversationId, userId, seq)))
      throw notFound('Conversation');
    const mentioned = [...new Set(draft.mentions)];
    const row = this.newRow(userId, conversationId, seq, draft, mentioned, sealed, now);
    await tx.messages.insert(row);
    const fileId = fileIdOf(draft.content);
    if (fileId !== undefined) await tx.messages.attach(row.id, conversationId, fileId);
    await emit({ members: conversationId }, 'message.created', {
      conversationId,
      seq,
      messageId: row.id,
      senderId: userId,
      kind: draft.content.kind,
      // Every member sees whom a message mentions; a muted chat still pops up for them.
      ...(mentioned.length > 0 ? { mentions: mentioned } : {}),
      ...(draft.mentionAll ? { mentionAll: true } : {}),
    });
    return { row, fresh: true };
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
    mentioned: string[],
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
      mentions: JSON.stringify({ userIds: mentioned, all: draft.mentionAll }),
      reply_to_seq: draft.replyTo,
      forwarded: draft.forwarded ? 1 : 0,
      recalled_at: null,
      created_at: now,
      sealed_by: sealed.sealedBy,
    };
  }
}
