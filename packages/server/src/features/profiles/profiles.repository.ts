import type { Kysely } from 'kysely';
import type { Database, ProfilesTable } from '../../platform/db/schema';

export type ProfileRow = ProfilesTable;
export type ProfileChanges = Partial<Omit<ProfileRow, 'user_id'>>;

/** Profile rows. */
export class ProfilesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(userId: string): Promise<ProfileRow | undefined> {
    return this.db
      .selectFrom('profiles')
      .selectAll()
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }

  async update(userId: string, changes: ProfileChanges): Promise<void> {
    await this.db.updateTable('profiles').set(changes).where('user_id', '=', userId).execute();
  }
}
