import type { Kysely, Migration } from 'kysely';

/** Accounts, profiles, one-time codes, the provider outbox, devices and sessions. */
export const accountsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('users')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('phone', 'varchar(20)', (c) => c.unique())
      .addColumn('email', 'varchar(254)', (c) => c.unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('password_changed_at', 'bigint', (c) => c.notNull())
      .addColumn('frozen_at', 'bigint')
      .execute();

    await db.schema
      .createTable('profiles')
      .addColumn('user_id', 'varchar(36)', (c) =>
        c.primaryKey().references('users.id').onDelete('cascade'),
      )
      .addColumn('nickname', 'varchar(80)', (c) => c.notNull())
      .addColumn('avatar_hash', 'varchar(64)')
      // The optional fields hold key-vault ciphertexts (ADR 0005), longer than
      // their plaintext, hence unbounded text.
      .addColumn('real_name', 'text')
      .addColumn('gender', 'text')
      .addColumn('birthday', 'text')
      .addColumn('work_region', 'text')
      .addColumn('enterprise_email', 'text')
      .addColumn('visibility', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('verification_codes')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('channel', 'varchar(8)', (c) => c.notNull())
      .addColumn('destination', 'varchar(254)', (c) => c.notNull())
      .addColumn('purpose', 'varchar(32)', (c) => c.notNull())
      .addColumn('code_hash', 'varchar(64)', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('requester_ip', 'varchar(64)', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('consumed_at', 'bigint')
      .execute();
    await db.schema
      .createIndex('verification_codes_destination')
      .on('verification_codes')
      .columns(['destination', 'created_at'])
      .execute();
    await db.schema
      .createIndex('verification_codes_requester')
      .on('verification_codes')
      .columns(['requester_ip', 'created_at'])
      .execute();

    await db.schema
      .createTable('outbox')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('channel', 'varchar(8)', (c) => c.notNull())
      .addColumn('destination', 'varchar(254)', (c) => c.notNull())
      .addColumn('subject', 'text')
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('devices')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('user_id', 'varchar(36)', (c) =>
        c.notNull().references('users.id').onDelete('cascade'),
      )
      .addColumn('name', 'varchar(80)', (c) => c.notNull())
      .addColumn('platform', 'varchar(16)', (c) => c.notNull())
      .addColumn('first_seen_at', 'bigint', (c) => c.notNull())
      .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('user_id', 'varchar(36)', (c) =>
        c.notNull().references('users.id').onDelete('cascade'),
      )
      .addColumn('device_id', 'varchar(36)', (c) =>
        c.notNull().references('devices.id').onDelete('cascade'),
      )
      .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('ip_region', 'varchar(64)', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

    await db.schema
      .createTable('security_notices')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('user_id', 'varchar(36)', (c) =>
        c.notNull().references('users.id').onDelete('cascade'),
      )
      .addColumn('kind', 'varchar(32)', (c) => c.notNull())
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('security_notices_user')
      .on('security_notices')
      .columns(['user_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('operators')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('operator_sessions')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('operator_id', 'varchar(36)', (c) =>
        c.notNull().references('operators.id').onDelete('cascade'),
      )
      .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};
