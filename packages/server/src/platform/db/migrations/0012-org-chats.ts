import { sql, type Kysely, type Migration } from 'kysely';

const person = 'varchar(36)';

/**
 * Conversations an organization owns: colleague one-to-one chats, the
 * all-staff and department groups, and groups started in an organization's
 * context (docs/adr/0012-organization-conversations.md). Runs after
 * `0011-organizations`, whose tables these reference.
 */
export const orgChatsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    // The owning organization; its conversations go with it.
    await db.schema
      .alterTable('conversations')
      .addColumn('organization_id', 'varchar(36)', (c) =>
        c.references('organizations.id').onDelete('cascade'),
      )
      .execute();
    // `all_staff` or `department` for the groups whose members follow the directory.
    await db.schema.alterTable('conversations').addColumn('org_group', 'varchar(16)').execute();
    await db.schema
      .alterTable('conversations')
      .addColumn('department_id', 'varchar(36)', (c) =>
        c.references('organization_departments.id').onDelete('cascade'),
      )
      .execute();
    await db.schema
      .createIndex('conversations_organization')
      .on('conversations')
      .column('organization_id')
      .where(sql.ref('organization_id'), 'is not', null)
      .execute();
    // One all-staff group per organization, one group per department.
    await db.schema
      .createIndex('conversations_all_staff')
      .on('conversations')
      .column('organization_id')
      .unique()
      .where(sql.ref('org_group'), '=', sql.lit('all_staff'))
      .execute();
    await db.schema
      .createIndex('conversations_department')
      .on('conversations')
      .column('department_id')
      .unique()
      .where(sql.ref('department_id'), 'is not', null)
      .execute();

    // One row per side of a colleague chat. While the chat is open, the pair has
    // exactly one per organization (the partial unique index, which concurrent
    // creators queue on); it ends when either leaves, and a later chat is a new one.
    await db.schema
      .createTable('colleague_chats')
      .addColumn('conversation_id', 'varchar(36)', (c) =>
        c.notNull().references('conversations.id').onDelete('cascade'),
      )
      .addColumn('user_id', person, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('peer_id', person, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('organization_id', 'varchar(36)', (c) =>
        c.notNull().references('organizations.id').onDelete('cascade'),
      )
      .addColumn('ended_at', 'bigint')
      .addPrimaryKeyConstraint('colleague_chats_pk', ['conversation_id', 'user_id'])
      .execute();
    await db.schema
      .createIndex('colleague_chats_open_pair')
      .on('colleague_chats')
      .columns(['organization_id', 'user_id', 'peer_id'])
      .unique()
      .where(sql.ref('ended_at'), 'is', null)
      .execute();
    await db.schema
      .createIndex('colleague_chats_user')
      .on('colleague_chats')
      .columns(['user_id', 'organization_id'])
      .execute();
  },
};
