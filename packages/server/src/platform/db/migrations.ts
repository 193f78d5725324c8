import { Migrator, type Migration, type MigrationProvider, type Kysely } from 'kysely';
import { accountsMigration } from './migrations/0001-accounts';

/**
 * Every migration, in order. Names are zero-padded so the lexical order
 * Kysely applies equals the order written here. Never edit a shipped one.
 */
const migrations: Record<string, Migration> = {
  '0001-accounts': accountsMigration,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the database up to the newest schema; safe to call on every start. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}
