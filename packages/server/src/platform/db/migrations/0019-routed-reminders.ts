import type { Kysely, Migration } from 'kysely';

/**
 * Routed rights-request parts remind the organization's main administrator
 * when their deadline nears and when it passes
 * (docs/adr/0020-routed-part-reminders.md). `reminded` is the last reminder
 * sent: NULL, `due_soon` or `overdue`; the index serves the job's search for
 * open parts by deadline across organizations.
 */
export const routedRemindersMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('organization_rights_requests')
      .addColumn('reminded', 'varchar(16)')
      .execute();
    await db.schema
      .createIndex('organization_rights_requests_due')
      .on('organization_rights_requests')
      .columns(['status', 'deadline_at'])
      .execute();
  },
};
