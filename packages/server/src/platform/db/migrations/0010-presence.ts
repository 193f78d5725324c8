import type { Kysely, Migration } from 'kysely';

const person = 'varchar(36)';

/**
 * Presence (docs/adr/0010-realtime-gateway.md): one row per live WebSocket
 * on any node, with an expiry its node keeps pushing forward, so a node that
 * dies stops counting as "online" once its rows expire; and per person the
 * last time they went offline and whether they hide it.
 */
export const presenceMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('presence_connections')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('user_id', person, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('node_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('presence_connections_user')
      .on('presence_connections')
      .columns(['user_id'])
      .execute();
    await db.schema
      .createIndex('presence_connections_expiry')
      .on('presence_connections')
      .columns(['expires_at'])
      .execute();

    await db.schema
      .createTable('presence')
      .addColumn('user_id', person, (c) =>
        c.primaryKey().references('users.id').onDelete('cascade'),
      )
      .addColumn('last_seen_at', 'bigint')
      // Set while the person hides their last-seen time; a timestamp, not a boolean (ADR 0002).
      .addColumn('last_seen_hidden_at', 'bigint')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};
