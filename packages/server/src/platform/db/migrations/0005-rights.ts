import type { Kysely, Migration } from 'kysely';

/**
 * Data-rights requests (PRIV-5) and the account-erasure jobs that account
 * cancellation leaves behind (ACC-8); see docs/adr/0007-rights-requests.md.
 */
export const rightsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('rights_requests')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      // Null once the account is erased: the record of the answer stays, the person does not.
      .addColumn('user_id', 'varchar(36)')
      .addColumn('kind', 'varchar(32)', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('details', 'text')
      // The kind while the request is being fulfilled, else null: unique per user, so
      // the same kind cannot be started twice (NULLs never collide on either engine).
      .addColumn('open_kind', 'varchar(32)')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('deadline_at', 'bigint', (c) => c.notNull())
      .addColumn('verified_at', 'bigint')
      .addColumn('started_at', 'bigint')
      .addColumn('closed_at', 'bigint')
      .addColumn('awaiting_operator_at', 'bigint')
      .addColumn('answer', 'text')
      .addColumn('refusal_reason', 'text')
      .execute();
    await db.schema
      .createIndex('rights_requests_user')
      .on('rights_requests')
      .columns(['user_id', 'created_at'])
      .execute();
    await db.schema
      .createIndex('rights_requests_open_kind')
      .on('rights_requests')
      .columns(['user_id', 'open_kind'])
      .unique()
      .execute();
    await db.schema
      .createIndex('rights_requests_queue')
      .on('rights_requests')
      .columns(['awaiting_operator_at', 'deadline_at'])
      .execute();

    await db.schema
      .createTable('account_erasures')
      .addColumn('request_id', 'varchar(36)', (c) => c.primaryKey())
      // Cleared when the erasure completes, so the finished job names nobody.
      .addColumn('user_id', 'varchar(36)')
      .addColumn('requested_at', 'bigint', (c) => c.notNull())
      .addColumn('erase_after', 'bigint', (c) => c.notNull())
      .addColumn('started_at', 'bigint')
      // A worker holds the job until then; after a crash another worker takes it over.
      .addColumn('lease_until', 'bigint')
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('completed_at', 'bigint')
      .addColumn('withdrawn_at', 'bigint')
      .execute();
    await db.schema
      .createIndex('account_erasures_due')
      .on('account_erasures')
      .columns(['erase_after'])
      .execute();
    await db.schema
      .createIndex('account_erasures_user')
      .on('account_erasures')
      .columns(['user_id'])
      .execute();
  },
};
