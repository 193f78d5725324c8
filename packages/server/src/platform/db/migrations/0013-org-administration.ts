import type { Kysely, Migration } from 'kysely';

const person = 'varchar(36)';

/**
 * Organization administration (issue 5, ORG-3/7/9): the organization code
 * and security-log period on `organizations`, enterprise accounts, disabled
 * apps and the security log (docs/adr/0013-organization-administration.md).
 */
export const orgAdministrationMigration: Migration = {
  async up(db: Kysely<unknown>) {
    // Given out on first use and never changed; enterprise accounts sign in with it.
    await db.schema.alterTable('organizations').addColumn('code', 'varchar(16)').execute();
    await db.schema
      .createIndex('organizations_code')
      .on('organizations')
      .column('code')
      .unique()
      .execute();
    await db.schema
      .alterTable('organizations')
      .addColumn('security_log_days', 'integer', (c) => c.notNull().defaultTo(180))
      .execute();

    await db.schema
      .createTable('enterprise_accounts')
      .addColumn('user_id', person, (c) =>
        c.primaryKey().references('users.id').onDelete('cascade'),
      )
      .addColumn('organization_id', 'varchar(36)', (c) =>
        c.notNull().references('organizations.id').onDelete('cascade'),
      )
      .addColumn('account_name', 'varchar(40)', (c) => c.notNull())
      // Lower-case account name: sign-in ignores case, and two accounts never differ only by it.
      .addColumn('account_key', 'varchar(40)', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('disabled_at', 'bigint')
      .execute();
    await db.schema
      .createIndex('enterprise_accounts_name')
      .on('enterprise_accounts')
      .columns(['organization_id', 'account_key'])
      .unique()
      .execute();

    await db.schema
      .createTable('organization_disabled_apps')
      .addColumn('organization_id', 'varchar(36)', (c) =>
        c.notNull().references('organizations.id').onDelete('cascade'),
      )
      .addColumn('app', 'varchar(40)', (c) => c.notNull())
      .addColumn('disabled_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('organization_disabled_apps_pk', ['organization_id', 'app'])
      .execute();

    await db.schema
      .createTable('organization_security_log')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('organization_id', 'varchar(36)', (c) =>
        c.notNull().references('organizations.id').onDelete('cascade'),
      )
      .addColumn('user_id', person, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('kind', 'varchar(24)', (c) => c.notNull())
      // JSON: device name and platform, coarse region, file id or audited action.
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('organization_security_log_org')
      .on('organization_security_log')
      .columns(['organization_id', 'created_at'])
      .execute();
    await db.schema
      .createIndex('organization_security_log_member')
      .on('organization_security_log')
      .columns(['organization_id', 'user_id', 'created_at'])
      .execute();
  },
};
