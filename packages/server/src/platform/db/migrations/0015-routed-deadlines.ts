import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Routed rights-request parts (docs/adr/0018-organization-rows-of-personal-tables.md):
 * each gets the deadline personal requests have, and the member keeps the
 * outcome of the parts an organization held when it is dissolved.
 */
/**
 * Parts routed before deadlines were kept (`deadline_at` 0): the same number
 * of days as their request, counted from routing. Touches no other row.
 */
export async function backfillRoutedDeadlines(db: Kysely<unknown>): Promise<void> {
  await sql`update organization_rights_requests
    set deadline_at = created_at + coalesce((select r.deadline_at - r.created_at
      from rights_requests r where r.id = organization_rights_requests.request_id), 0)
    where deadline_at = 0`.execute(db);
}

export const routedDeadlinesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('organization_rights_requests')
      .addColumn('deadline_at', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    await backfillRoutedDeadlines(db);
    await db.schema
      .createIndex('organization_rights_requests_deadline')
      .on('organization_rights_requests')
      .columns(['organization_id', 'status', 'deadline_at'])
      .execute();

    // No foreign key to the organization: these rows are what is left of it for the member.
    await db.schema
      .createTable('dissolved_organization_parts')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('request_id', 'varchar(36)', (c) =>
        c.notNull().references('rights_requests.id').onDelete('cascade'),
      )
      .addColumn('user_id', 'varchar(36)', (c) =>
        c.notNull().references('users.id').onDelete('cascade'),
      )
      .addColumn('organization_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('organization_name', 'varchar(200)', (c) => c.notNull())
      .addColumn('kind', 'varchar(32)', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('answer', 'text')
      .addColumn('refusal_reason', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('deadline_at', 'bigint', (c) => c.notNull())
      .addColumn('answered_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('dissolved_organization_parts_request')
      .on('dissolved_organization_parts')
      .columns(['request_id'])
      .execute();
  },
};
