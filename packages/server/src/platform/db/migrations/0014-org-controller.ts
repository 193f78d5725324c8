import type { Kysely, Migration } from 'kysely';

/**
 * Organization-controlled data (docs/adr/0014-organization-controlled-data.md):
 * each organization's retention period, the parts of members' data-rights
 * requests routed to its administrators, and dissolution jobs (leased like
 * account erasures).
 */
export const orgControllerMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('organization_data_retention')
      .addColumn('organization_id', 'varchar(36)', (c) =>
        c.primaryKey().references('organizations.id').onDelete('cascade'),
      )
      .addColumn('days', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('organization_rights_requests')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('request_id', 'varchar(36)', (c) =>
        c.notNull().references('rights_requests.id').onDelete('cascade'),
      )
      .addColumn('organization_id', 'varchar(36)', (c) =>
        c.notNull().references('organizations.id').onDelete('cascade'),
      )
      // Cleared when the requester's account is erased; the organization keeps its record.
      .addColumn('user_id', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('kind', 'varchar(32)', (c) => c.notNull())
      // What is asked of the organization (JSON), sealed under the requester's key.
      .addColumn('details', 'text')
      // JSON array of the organization-controlled tables holding data about the requester.
      .addColumn('tables', 'text', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('answer', 'text')
      .addColumn('refusal_reason', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('answered_at', 'bigint')
      .execute();
    await db.schema
      .createIndex('organization_rights_requests_queue')
      .on('organization_rights_requests')
      .columns(['organization_id', 'status', 'created_at'])
      .execute();
    await db.schema
      .createIndex('organization_rights_requests_request')
      .on('organization_rights_requests')
      .columns(['request_id'])
      .execute();

    // No foreign key: the row outlives the organization it dissolved, as the record that it did.
    await db.schema
      .createTable('organization_dissolutions')
      .addColumn('organization_id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('requested_at', 'bigint', (c) => c.notNull())
      .addColumn('erase_after', 'bigint', (c) => c.notNull())
      .addColumn('started_at', 'bigint')
      .addColumn('lease_until', 'bigint')
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('completed_at', 'bigint')
      // Called off by the main administrator during the grace period.
      .addColumn('withdrawn_at', 'bigint')
      .execute();
    await db.schema
      .createIndex('organization_dissolutions_due')
      .on('organization_dissolutions')
      .columns(['erase_after'])
      .execute();
  },
};
