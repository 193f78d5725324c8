import type { Kysely, Migration } from 'kysely';

const person = 'varchar(36)';

/**
 * Conversations, members with their read positions, messages with a
 * per-conversation sequence, delete-for-me marks, and each person's event
 * stream with its cursor (docs/adr/0009-messages-and-receipts.md). Dissolving a
 * group deletes its rows by ON DELETE CASCADE from `conversations`.
 */
export const messagingMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('conversations')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('name', 'varchar(200)')
      .addColumn('announcement', 'text')
      // The newest message's seq: bumped in the sending transaction, which locks this row.
      .addColumn('last_seq', 'bigint', (c) => c.notNull())
      .addColumn('member_count', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_activity_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('conversation_members')
      .addColumn('conversation_id', 'varchar(36)', (c) =>
        c.notNull().references('conversations.id').onDelete('cascade'),
      )
      .addColumn('user_id', person, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('role', 'varchar(8)', (c) => c.notNull())
      // Everything up to this seq is read (MSG-3): one number per member, not a row per message.
      .addColumn('read_seq', 'bigint', (c) => c.notNull())
      .addColumn('muted_at', 'bigint')
      .addColumn('pinned_at', 'bigint')
      .addColumn('joined_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('conversation_members_pk', ['conversation_id', 'user_id'])
      .execute();
    await db.schema
      .createIndex('conversation_members_user')
      .on('conversation_members')
      .columns(['user_id'])
      .execute();

    await db.schema
      .createTable('messages')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('conversation_id', 'varchar(36)', (c) =>
        c.notNull().references('conversations.id').onDelete('cascade'),
      )
      .addColumn('seq', 'bigint', (c) => c.notNull())
      // Null once the sender is erased: the message stays in the others' history, unreadable.
      .addColumn('sender_id', person, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('client_id', 'varchar(36)', (c) => c.notNull())
      // Ciphertext under the sender's vault key; null once recalled.
      .addColumn('body', 'text')
      // JSON {"userIds":[…],"all":true|false}: a portable shape, no boolean column (ADR 0002).
      .addColumn('mentions', 'text', (c) => c.notNull())
      .addColumn('reply_to_seq', 'bigint')
      .addColumn('recalled_at', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('messages_conversation_seq')
      .on('messages')
      .columns(['conversation_id', 'seq'])
      .unique()
      .execute();
    await db.schema
      .createIndex('messages_sender_client')
      .on('messages')
      .columns(['sender_id', 'client_id'])
      .unique()
      .execute();

    await db.schema
      .createTable('message_hides')
      .addColumn('message_id', 'varchar(36)', (c) =>
        c.notNull().references('messages.id').onDelete('cascade'),
      )
      .addColumn('user_id', person, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('hidden_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('message_hides_pk', ['message_id', 'user_id'])
      .execute();

    await db.schema
      .createTable('event_cursors')
      .addColumn('user_id', person, (c) =>
        c.primaryKey().references('users.id').onDelete('cascade'),
      )
      .addColumn('last_cursor', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('user_events')
      .addColumn('user_id', person, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('cursor', 'bigint', (c) => c.notNull())
      .addColumn('type', 'varchar(40)', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('user_events_pk', ['user_id', 'cursor'])
      .execute();
  },
};
