import type { Kysely, Migration } from 'kysely';

/**
 * Tables of the data engines: processing restrictions (PRIV-5), recipients of
 * a person's data and the deletion notices sent to them (PRIV-6), and the log
 * of retention runs (PRIV-8).
 */
export const enginesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    // No foreign key to users: operators are data subjects too.
    await db.schema
      .createTable('restrictions')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('subject_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('category', 'varchar(128)', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('restrictions_subject_category', ['subject_id', 'category'])
      .execute();

    await db.schema
      .createTable('data_recipients')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('subject_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('recipient', 'varchar(160)', (c) => c.notNull())
      .addColumn('purpose', 'varchar(200)', (c) => c.notNull())
      .addColumn('categories', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('data_recipients_subject')
      .on('data_recipients')
      .column('subject_id')
      .execute();

    await db.schema
      .createTable('deletion_notices')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('recipient_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('recipient', 'varchar(160)', (c) => c.notNull())
      .addColumn('subject_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('categories', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('sent_at', 'bigint')
      .execute();

    await db.schema
      .createTable('retention_runs')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('started_at', 'bigint', (c) => c.notNull())
      .addColumn('finished_at', 'bigint', (c) => c.notNull())
      .addColumn('rows_deleted', 'integer', (c) => c.notNull())
      .addColumn('values_anonymized', 'integer', (c) => c.notNull())
      .addColumn('detail', 'text', (c) => c.notNull())
      .execute();
  },
};
