import type { Kysely, Migration } from 'kysely';

/** The tamper-evident audit log (PRIV-13): hash-chained entries and signed checkpoints. */
export const auditMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('audit_entries')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      // Unique: a second writer appending the same number fails and retries.
      .addColumn('seq', 'bigint', (c) => c.notNull().unique())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('actor_kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('actor_ref', 'varchar(64)')
      .addColumn('subject_ref', 'varchar(64)')
      .addColumn('action', 'varchar(64)', (c) => c.notNull())
      .addColumn('purpose', 'varchar(200)')
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
      .addColumn('hash', 'varchar(64)', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('audit_entries_subject')
      .on('audit_entries')
      .columns(['subject_ref', 'seq'])
      .execute();

    await db.schema
      .createTable('audit_checkpoints')
      .addColumn('seq', 'bigint', (c) => c.primaryKey())
      .addColumn('hash', 'varchar(64)', (c) => c.notNull())
      .addColumn('signature', 'text', (c) => c.notNull())
      .addColumn('key_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .execute();
  },
  // No `down`: rolling back would drop the audit log, which is never to be deleted.
};
