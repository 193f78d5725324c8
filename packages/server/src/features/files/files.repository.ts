import type { Kysely } from 'kysely';
import type { Database, FilesTable } from '../../platform/db/schema';

export type FileRow = FilesTable;

/** Rows of uploaded files. */
export class FilesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: FileRow): Promise<void> {
    await this.db.insertInto('files').values(row).execute();
  }

  async find(id: string): Promise<FileRow | undefined> {
    return this.db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Deletes a file row if `ownerId` owns it; returns the deleted row. */
  async deleteOwned(id: string, ownerId: string): Promise<FileRow | undefined> {
    return this.db
      .deleteFrom('files')
      .where('id', '=', id)
      .where('owner_id', '=', ownerId)
      .returningAll()
      .executeTakeFirst();
  }
}
