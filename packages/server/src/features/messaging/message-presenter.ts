import type { StoredFile } from '@carillon/protocol/files';
import type { Message } from '@carillon/protocol/messaging';
import type { KeyVault } from '../../privacy/vault/key-vault';
import type { AttachableFiles } from './attachable-files';
import { fileIdOf, parseContent, type MessageContent } from './message-content';
import type { MessageRow, MessagesRepository } from './messages.repository';

/**
 * Turns message rows into what members see: decrypts the content while it
 * exists and the key that sealed it does (the sender's, or the
 * organization's in its conversations), and describes the attached file
 * while the link stands (recall and the file's erasure both remove it).
 */
export class MessagePresenter {
  constructor(
    private readonly vault: KeyVault,
    private readonly files: AttachableFiles,
  ) {}

  /** Presents rows in their order, loading their attachments in one query. */
  async presentAll(messages: MessagesRepository, rows: MessageRow[]): Promise<Message[]> {
    const links = await messages.attachments(rows.map((r) => r.id));
    return Promise.all(rows.map((row) => this.present(row, links.get(row.id))));
  }

  async presentOne(messages: MessagesRepository, row: MessageRow): Promise<Message> {
    const [message] = await this.presentAll(messages, [row]);
    return message!;
  }

  /** The decrypted content, or undefined once recalled or unreadable. */
  async contentOf(row: MessageRow): Promise<MessageContent | undefined> {
    // NULL: the sender's key; a sender erased since has none, and the text is gone.
    const subject = row.sealed_by ?? row.sender_id;
    if (row.body === null || subject === null) return undefined;
    const plaintext = await this.vault.decrypt(subject, row.body);
    return plaintext === undefined ? undefined : parseContent(row.kind, plaintext);
  }

  /** A message this request just stored: its content is the draft's, so nothing is read back. */
  async presentWritten(row: MessageRow, content: MessageContent): Promise<Message> {
    return this.build(row, content, fileIdOf(content));
  }

  private async present(row: MessageRow, fileId: string | undefined): Promise<Message> {
    return this.build(row, await this.contentOf(row), fileId);
  }

  private async build(
    row: MessageRow,
    content: MessageContent | undefined,
    fileId: string | undefined,
  ): Promise<Message> {
    const mentions = JSON.parse(row.mentions) as { userIds: string[]; all: boolean };
    const file = content && fileId ? await this.describe(fileId) : null;
    return {
      id: row.id,
      conversationId: row.conversation_id,
      seq: row.seq,
      clientId: row.client_id,
      senderId: row.sender_id,
      kind: row.kind,
      text: content?.kind === 'text' ? content.text : null,
      caption: content?.kind === 'image' ? (content.caption ?? null) : null,
      file,
      durationMs: content?.kind === 'voice' ? content.durationMs : null,
      location:
        content?.kind === 'location'
          ? {
              latitude: content.latitude,
              longitude: content.longitude,
              ...(content.label === undefined ? {} : { label: content.label }),
            }
          : null,
      mentions: mentions.userIds,
      mentionAll: mentions.all,
      replyTo: row.reply_to_seq,
      forwarded: row.forwarded === 1,
      recalled: row.recalled_at !== null,
      createdAt: row.created_at,
    };
  }

  private async describe(fileId: string): Promise<StoredFile | null> {
    const described = await this.files.describe(fileId);
    if (!described) return null;
    const { ownerId: _ownerId, ...file } = described;
    return file;
  }
}
