import type { Kysely, Migration } from 'kysely';

/**
 * Uploaded files: one row per upload, naming its content by hash in
 * the file store. Several rows may name the same hash (identical uploads);
 * the bytes go once no row names them. Message attachments reference `files.id`
 * with ON DELETE CASCADE, so deleting a file takes it out of messages.
 */
export const filesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('files')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('owner_id', 'varchar(36)', (c) =>
        c.notNull().references('users.id').onDelete('cascade'),
      )
      .addColumn('hash', 'varchar(64)', (c) => c.notNull())
      .addColumn('thumbnail_hash', 'varchar(64)')
      .addColumn('name', 'varchar(255)', (c) => c.notNull())
      .addColumn('media_type', 'varchar(255)', (c) => c.notNull())
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('width', 'integer')
      .addColumn('height', 'integer')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('files_owner').on('files').columns(['owner_id']).execute();
    // Erasure asks "does any row still name this hash?" for every released file.
    await db.schema.createIndex('files_hash').on('files').columns(['hash']).execute();
    await db.schema
      .createIndex('files_thumbnail_hash')
      .on('files')
      .columns(['thumbnail_hash'])
      .execute();
  },
};
