import type { Kysely, Migration } from 'kysely';

/**
 * One-off maintenance tasks the server runs at start until they have done
 * their whole job once, such as re-sealing organization rows written before
 * ADR 19 (docs/adr/0019-organization-sealed-messages.md). A row means done.
 */
export const maintenanceDoneMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('maintenance_done')
      .addColumn('task', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('done_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};
