import { sql, type Kysely, type Migration } from 'kysely';
import { uuidV7Generator } from '../../ids';

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

    await backfillAllStaffGroups(db);
  },
};

/**
 * Gives every organization without one its all-staff group, with its
 * members as they are (ORG-6): organizations made before this migration, or
 * any whose group went missing. No events: clients see the group in their
 * next conversation list. Ids are UUIDv7 at the organization's creation time.
 */
export async function backfillAllStaffGroups(db: Kysely<unknown>): Promise<void> {
  const orgs = await sql<{ id: string; name: string; created_at: number | string }>`
    select o.id, o.name, o.created_at from organizations o
    where not exists (
      select 1 from conversations c where c.organization_id = o.id and c.org_group = 'all_staff'
    )`.execute(db);
  for (const org of orgs.rows) {
    const createdAt = Number(org.created_at);
    const id = uuidV7Generator({ now: () => createdAt }).next();
    const members = await sql<{ user_id: string; joined_at: number | string }>`
      select user_id, joined_at from organization_members where organization_id = ${org.id}`.execute(
      db,
    );
    await sql`
      insert into conversations (id, kind, name, announcement, join_approval_at, last_seq,
        member_count, created_at, last_activity_at, organization_id, org_group, department_id)
      values (${id}, 'group', ${org.name}, null, null, 0, ${members.rows.length}, ${createdAt},
        ${createdAt}, ${org.id}, 'all_staff', null)`.execute(db);
    for (const member of members.rows)
      await sql`
        insert into conversation_members (conversation_id, user_id, role, read_seq, joined_seq,
          muted_at, pinned_at, joined_at)
        values (${id}, ${member.user_id}, 'member', 0, 0, null, null, ${Number(member.joined_at)})`.execute(
        db,
      );
  }
}
