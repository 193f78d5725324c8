import type { Kysely, Migration } from 'kysely';

const person = 'varchar(36)';

/**
 * Message kinds, attachments, one-to-one chats and join approval
 * (docs/adr/0009-messages-and-receipts.md). Runs after `0008-files`, whose
 * `files` table the attachments reference.
 */
export const messagingKindsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('messages')
      .addColumn('kind', 'varchar(16)', (c) => c.notNull().defaultTo('text'))
      .execute();
    // 1 for a forwarded copy; an integer, not a boolean, so both dialects agree (ADR 0002).
    await db.schema
      .alterTable('messages')
      .addColumn('forwarded', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    // Set while joining by link waits for an owner or admin to approve.
    await db.schema.alterTable('conversations').addColumn('join_approval_at', 'bigint').execute();
    // The conversation's last seq when the member joined: older messages are not theirs to read.
    await db.schema
      .alterTable('conversation_members')
      .addColumn('joined_seq', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();

    // The file a message carries; recalling the message deletes the link, and with
    // it the access the conversation's members had to the file.
    await db.schema
      .createTable('message_attachments')
      .addColumn('message_id', 'varchar(36)', (c) =>
        c.primaryKey().references('messages.id').onDelete('cascade'),
      )
      .addColumn('conversation_id', 'varchar(36)', (c) =>
        c.notNull().references('conversations.id').onDelete('cascade'),
      )
      .addColumn('file_id', 'varchar(36)', (c) =>
        c.notNull().references('files.id').onDelete('cascade'),
      )
      .execute();
    await db.schema
      .createIndex('message_attachments_file')
      .on('message_attachments')
      .columns(['file_id', 'conversation_id'])
      .execute();

    // One row per side of a one-to-one chat. The primary key makes the pair's chat
    // unique; creators insert both sides in sorted order, so concurrent ones queue.
    await db.schema
      .createTable('direct_chats')
      .addColumn('user_id', person, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('peer_id', person, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('conversation_id', 'varchar(36)', (c) =>
        c.notNull().references('conversations.id').onDelete('cascade'),
      )
      .addPrimaryKeyConstraint('direct_chats_pk', ['user_id', 'peer_id'])
      .execute();
    await db.schema
      .createIndex('direct_chats_conversation')
      .on('direct_chats')
      .columns(['conversation_id'])
      .execute();

    await db.schema
      .createTable('join_requests')
      .addColumn('conversation_id', 'varchar(36)', (c) =>
        c.notNull().references('conversations.id').onDelete('cascade'),
      )
      .addColumn('user_id', person, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('requested_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('join_requests_pk', ['conversation_id', 'user_id'])
      .execute();
    await db.schema
      .createIndex('join_requests_user')
      .on('join_requests')
      .columns(['user_id'])
      .execute();
  },
};
