import type { Kysely } from 'kysely';
import { PreparedQuery, slot } from '../../platform/db/prepared-query';
import type { Database, MessagesTable } from '../../platform/db/schema';
import { NO_MENTIONS } from './messaging.data';

export type MessageRow = MessagesTable;

/** Which slice of history to read, for one viewer. */
export interface HistorySlice {
  viewerId: string;
  /** `older`: seq < `from` (or ≤ when `inclusive`), newest first; `newer`: seq > `from`, oldest first. */
  direction: 'older' | 'newer';
  from: number;
  inclusive?: boolean;
  limit: number;
}

const COLUMNS = [
  'id',
  'conversation_id',
  'seq',
  'sender_id',
  'client_id',
  'body',
  'mentions',
  'reply_to_seq',
  'recalled_at',
  'created_at',
  'kind',
  'forwarded',
  'sealed_by',
] as const satisfies ReadonlyArray<keyof MessageRow>;

const insertMessage = new PreparedQuery((db) =>
  db
    .insertInto('messages')
    .values(Object.fromEntries(COLUMNS.map((column, i) => [column, slot(i)])) as MessageRow),
);

const byClientId = new PreparedQuery((db) =>
  db
    .selectFrom('messages')
    .selectAll()
    .where('sender_id', '=', slot<string>(0))
    .where('client_id', '=', slot<string>(1)),
);

/** Messages and the marks of people who deleted one for themselves. */
export class MessagesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: MessageRow): Promise<void> {
    await insertMessage.affected(this.db, ...COLUMNS.map((column) => row[column]));
  }

  /** The message a sender already sent with this client id, if any. */
  async findByClientId(senderId: string, clientId: string): Promise<MessageRow | undefined> {
    return byClientId.first(this.db, senderId, clientId);
  }

  async findBySeq(conversationId: string, seq: number): Promise<MessageRow | undefined> {
    return this.db
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('seq', '=', seq)
      .executeTakeFirst();
  }

  /** A keyset page of history, leaving out what the viewer deleted for themselves. */
  async page(conversationId: string, slice: HistorySlice): Promise<MessageRow[]> {
    const older = slice.direction === 'older';
    const op = older ? (slice.inclusive ? '<=' : '<') : '>';
    return this.db
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('seq', op, slice.from)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('message_hides as h')
              .select('h.message_id')
              .whereRef('h.message_id', '=', 'messages.id')
              .where('h.user_id', '=', slice.viewerId),
          ),
        ),
      )
      .orderBy('seq', older ? 'desc' : 'asc')
      .limit(slice.limit)
      .execute();
  }

  /** Removes a recalled message's content and attachment link; the row stays as a placeholder. */
  async recall(id: string, at: number): Promise<void> {
    await this.db
      .updateTable('messages')
      .set({ body: null, mentions: NO_MENTIONS, recalled_at: at })
      .where('id', '=', id)
      .execute();
    await this.db.deleteFrom('message_attachments').where('message_id', '=', id).execute();
  }

  /** Links a message to the file it carries. */
  async attach(messageId: string, conversationId: string, fileId: string): Promise<void> {
    await this.db
      .insertInto('message_attachments')
      .values({ message_id: messageId, conversation_id: conversationId, file_id: fileId })
      .execute();
  }

  /** The file each of these messages carries, by message id. */
  async attachments(messageIds: string[]): Promise<Map<string, string>> {
    if (messageIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('message_attachments')
      .select(['message_id', 'file_id'])
      .where('message_id', 'in', messageIds)
      .execute();
    return new Map(rows.map((r) => [r.message_id, r.file_id]));
  }

  /** Hides a message for one person only. */
  async hide(messageId: string, userId: string, at: number): Promise<void> {
    await this.db
      .insertInto('message_hides')
      .values({ message_id: messageId, user_id: userId, hidden_at: at })
      .onConflict((oc) => oc.columns(['message_id', 'user_id']).doNothing())
      .execute();
  }
}
