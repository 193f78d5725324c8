import type { Kysely, Migration } from 'kysely';

const person = 'varchar(36)';

/**
 * Organizations, their memberships (with organization-assigned details and
 * the directory search key), department tree, certification requests,
 * invitations and applications (docs/adr/0011-organizations.md).
 */
export const organizationsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('organizations')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('name', 'varchar(100)', (c) => c.notNull())
      .addColumn('location', 'varchar(100)')
      .addColumn('industry', 'varchar(100)')
      .addColumn('staff_size', 'varchar(16)')
      .addColumn('certified_at', 'bigint')
      // Bumped by every tree change: the row lock serializes moves, so cycle checks see the truth.
      .addColumn('tree_version', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('organization_members')
      .addColumn('organization_id', 'varchar(36)', (c) =>
        c.notNull().references('organizations.id').onDelete('cascade'),
      )
      .addColumn('user_id', person, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('role', 'varchar(16)', (c) => c.notNull())
      // JSON AdminScope for sub-administrators, null otherwise.
      .addColumn('admin_scope', 'text')
      .addColumn('name', 'varchar(80)', (c) => c.notNull())
      // Lower-case name, pinyin, initials, position and office phone, computed on write.
      .addColumn('search_key', 'text', (c) => c.notNull())
      .addColumn('position', 'varchar(80)')
      .addColumn('job_number', 'varchar(40)')
      .addColumn('office_email', 'varchar(254)')
      .addColumn('office_phone', 'varchar(32)')
      .addColumn('joined_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('organization_members_pk', ['organization_id', 'user_id'])
      .execute();
    await db.schema
      .createIndex('organization_members_user')
      .on('organization_members')
      .columns(['user_id'])
      .execute();

    await db.schema
      .createTable('organization_departments')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('organization_id', 'varchar(36)', (c) =>
        c.notNull().references('organizations.id').onDelete('cascade'),
      )
      .addColumn('parent_id', 'varchar(36)')
      .addColumn('name', 'varchar(100)', (c) => c.notNull())
      .addColumn('manager_id', person, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('organization_departments_org')
      .on('organization_departments')
      .columns(['organization_id', 'parent_id'])
      .execute();

    await db.schema
      .createTable('organization_department_members')
      .addColumn('department_id', 'varchar(36)', (c) =>
        c.notNull().references('organization_departments.id').onDelete('cascade'),
      )
      .addColumn('organization_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('user_id', person, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('organization_department_members_pk', ['department_id', 'user_id'])
      .addForeignKeyConstraint(
        'organization_department_members_member',
        ['organization_id', 'user_id'],
        'organization_members',
        ['organization_id', 'user_id'],
        (fk) => fk.onDelete('cascade'),
      )
      .execute();
    await db.schema
      .createIndex('organization_department_members_user')
      .on('organization_department_members')
      .columns(['organization_id', 'user_id'])
      .execute();

    await db.schema
      .createTable('organization_certifications')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('organization_id', 'varchar(36)', (c) =>
        c.notNull().references('organizations.id').onDelete('cascade'),
      )
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('legal_name', 'varchar(200)', (c) => c.notNull())
      .addColumn('registration_number', 'varchar(64)', (c) => c.notNull())
      .addColumn('legal_representative', 'varchar(80)', (c) => c.notNull())
      // JSON array of file ids.
      .addColumn('documents', 'text', (c) => c.notNull())
      .addColumn('submitted_by', person, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('submitted_at', 'bigint', (c) => c.notNull())
      .addColumn('reviewed_by', 'varchar(36)')
      .addColumn('reviewed_at', 'bigint')
      .addColumn('reason', 'varchar(500)')
      .execute();
    await db.schema
      .createIndex('organization_certifications_status')
      .on('organization_certifications')
      .columns(['status', 'submitted_at'])
      .execute();

    await db.schema
      .createTable('organization_invitations')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('organization_id', 'varchar(36)', (c) =>
        c.notNull().references('organizations.id').onDelete('cascade'),
      )
      // Exactly one of phone (a personal invitation) and code (a short join code).
      .addColumn('phone', 'varchar(32)')
      .addColumn('code', 'varchar(16)', (c) => c.unique())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('answered_at', 'bigint')
      .execute();
    await db.schema
      .createIndex('organization_invitations_phone')
      .on('organization_invitations')
      .columns(['phone'])
      .execute();

    await db.schema
      .createTable('organization_applications')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('organization_id', 'varchar(36)', (c) =>
        c.notNull().references('organizations.id').onDelete('cascade'),
      )
      .addColumn('user_id', person, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('message', 'varchar(200)')
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('decided_at', 'bigint')
      .execute();
    await db.schema
      .createIndex('organization_applications_org')
      .on('organization_applications')
      .columns(['organization_id', 'status'])
      .execute();
  },
};
