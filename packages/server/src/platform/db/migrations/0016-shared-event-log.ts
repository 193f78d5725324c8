import { sql, type Kysely, type Migration } from 'kysely';

/**
 * One shared event log in commit order (docs/adr/0017-shared-event-log.md):
 * an event for a conversation's members is one row, not one per member. The
 * per-person streams go; the log's positions start above every cursor they
 * handed out, so no client's stored cursor is ahead of the new log.
 */
export const sharedEventLogMigration: Migration = {
  async up(db: Kysely<unknown>) {
    const old = await sql<{ newest: number | string | null }>`
      select max(last_cursor) as newest from event_cursors`.execute(db);
    const start = Number(old.rows[0]?.newest ?? 0);

    await db.schema
      .createTable('event_log_head')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      // The newest position handed out; bumped under its row lock, so positions commit in order.
      .addColumn('position', 'bigint', (c) => c.notNull())
      .execute();
    await sql`insert into event_log_head (id, position) values (1, ${start})`.execute(db);

    await db.schema
      .createTable('events')
      .addColumn('position', 'bigint', (c) => c.primaryKey())
      // Who it is for: every member of a conversation, or one person (exactly one is set).
      .addColumn('conversation_id', 'varchar(36)', (c) =>
        c.references('conversations.id').onDelete('cascade'),
      )
      .addColumn('user_id', 'varchar(36)', (c) => c.references('users.id').onDelete('cascade'))
      .addColumn('type', 'varchar(40)', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('events_by_conversation')
      .on('events')
      .columns(['conversation_id', 'position'])
      .execute();
    await db.schema
      .createIndex('events_by_person')
      .on('events')
      .columns(['user_id', 'position'])
      .execute();
    await db.schema.createIndex('events_by_time').on('events').column('created_at').execute();

    // A member sees a conversation's events from the position the log had when they joined.
    await db.schema
      .alterTable('conversation_members')
      .addColumn('joined_position', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();

    await db.schema.dropTable('user_events').execute();
    await db.schema.dropTable('event_cursors').execute();
  },
};
