import type { Kysely, Migration } from 'kysely';

/**
 * Contacts (MSG-6): friend requests, friendships (one row per side, so each
 * person owns the row naming their friend), blocks and discoverability
 * settings. Every person column references `users` with ON DELETE CASCADE, so
 * erasing either person removes the rows naming them on both sides.
 */
export const contactsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('contact_requests')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('from_user_id', 'varchar(36)', (c) =>
        c.notNull().references('users.id').onDelete('cascade'),
      )
      .addColumn('to_user_id', 'varchar(36)', (c) =>
        c.notNull().references('users.id').onDelete('cascade'),
      )
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('contact_requests_pair')
      .on('contact_requests')
      .columns(['from_user_id', 'to_user_id'])
      .unique()
      .execute();
    await db.schema
      .createIndex('contact_requests_to')
      .on('contact_requests')
      .columns(['to_user_id'])
      .execute();

    await db.schema
      .createTable('contacts')
      .addColumn('user_id', 'varchar(36)', (c) =>
        c.notNull().references('users.id').onDelete('cascade'),
      )
      .addColumn('contact_id', 'varchar(36)', (c) =>
        c.notNull().references('users.id').onDelete('cascade'),
      )
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('contacts_pk', ['user_id', 'contact_id'])
      .execute();
    await db.schema
      .createIndex('contacts_contact')
      .on('contacts')
      .columns(['contact_id'])
      .execute();

    await db.schema
      .createTable('contact_blocks')
      .addColumn('user_id', 'varchar(36)', (c) =>
        c.notNull().references('users.id').onDelete('cascade'),
      )
      .addColumn('blocked_id', 'varchar(36)', (c) =>
        c.notNull().references('users.id').onDelete('cascade'),
      )
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('contact_blocks_pk', ['user_id', 'blocked_id'])
      .execute();
    await db.schema
      .createIndex('contact_blocks_blocked')
      .on('contact_blocks')
      .columns(['blocked_id'])
      .execute();

    await db.schema
      .createTable('contact_settings')
      .addColumn('user_id', 'varchar(36)', (c) =>
        c.primaryKey().references('users.id').onDelete('cascade'),
      )
      // Yes/no as nullable timestamps (ADR 2): when the person allowed it, or null.
      .addColumn('phone_discoverable_at', 'bigint')
      .addColumn('email_discoverable_at', 'bigint')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};
