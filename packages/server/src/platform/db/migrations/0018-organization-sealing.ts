import type { Kysely, Migration } from 'kysely';

/**
 * Messages in an organization's conversations are sealed under the
 * organization's vault key, not the sender's
 * (docs/adr/0019-organization-sealed-messages.md). `sealed_by` names the
 * vault subject whose key sealed the body; NULL is the sender's key, which
 * every existing row has. Re-sealing those needs the vault, so it runs at
 * start-up (`OrganizationSealing`), not here.
 */
export const organizationSealingMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('messages').addColumn('sealed_by', 'varchar(64)').execute();
  },
};
