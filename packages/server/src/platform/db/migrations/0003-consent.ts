import type { Kysely, Migration } from 'kysely';

/**
 * Policy versions and their texts (PRIV-1), the append-only consent ledger
 * (PRIV-2) and guardians' consents for minors (PRIV-10).
 */
export const consentMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('policy_versions')
      .addColumn('version', 'integer', (c) => c.primaryKey())
      .addColumn('change_kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('changes', 'text', (c) => c.notNull())
      .addColumn('published_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('policy_texts')
      .addColumn('version', 'integer', (c) => c.notNull().references('policy_versions.version'))
      .addColumn('language', 'varchar(8)', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('policy_texts_pk', ['version', 'language'])
      .execute();

    await db.schema
      .createTable('consent_records')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('subject_id', 'varchar(36)', (c) =>
        c.notNull().references('users.id').onDelete('cascade'),
      )
      .addColumn('purpose', 'varchar(64)', (c) => c.notNull())
      .addColumn('action', 'varchar(16)', (c) => c.notNull())
      .addColumn('method', 'varchar(16)', (c) => c.notNull())
      .addColumn('policy_version', 'integer', (c) =>
        c.notNull().references('policy_versions.version'),
      )
      .addColumn('edition', 'varchar(16)', (c) => c.notNull())
      .addColumn('recorded_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('consent_records_subject')
      .on('consent_records')
      .columns(['subject_id', 'purpose', 'recorded_at'])
      .execute();

    await db.schema
      .createTable('guardian_consents')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('minor_id', 'varchar(36)', (c) =>
        c.notNull().unique().references('users.id').onDelete('cascade'),
      )
      .addColumn('guardian_id', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('requested_at', 'bigint', (c) => c.notNull())
      .addColumn('approved_at', 'bigint')
      .addColumn('rule_ends_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};
