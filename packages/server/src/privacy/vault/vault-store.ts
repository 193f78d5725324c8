import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  type Migration,
  type MigrationProvider,
} from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../../platform/db/database';

/** One subject's data key, wrapped by the master key. */
export interface SubjectKeysTable {
  subject_id: string;
  /** `<master key id>.<iv>.<ciphertext+tag>`, see sql-key-vault.ts. */
  wrapped_key: string;
  /** Version of this subject's data key; 1 until per-subject rotation exists. */
  key_version: number;
  created_at: number;
}

/** The vault database as Kysely sees it: one table, nothing else. */
export interface VaultDatabase {
  subject_keys: SubjectKeysTable;
}

/**
 * The vault's own migrations, kept apart from the main database's so neither
 * can be applied to the other. Never edit a shipped one.
 */
const migrations: Record<string, Migration> = {
  '0001-subject-keys': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('subject_keys')
        .addColumn('subject_id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('wrapped_key', 'text', (c) => c.notNull())
        .addColumn('key_version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Where the wrapped subject keys are stored; SQL only, no cryptography. */
export class VaultStore {
  constructor(
    private readonly db: Kysely<VaultDatabase>,
    /** Runs after a deletion; SQLite moves the overwritten pages out of its WAL. */
    private readonly afterDelete: () => Promise<void>,
  ) {}

  /** The subject's stored key, if it has one. */
  async find(
    subjectId: string,
  ): Promise<Pick<SubjectKeysTable, 'wrapped_key' | 'key_version'> | undefined> {
    return this.db
      .selectFrom('subject_keys')
      .select(['wrapped_key', 'key_version'])
      .where('subject_id', '=', subjectId)
      .executeTakeFirst();
  }

  /** Stores a key unless the subject already has one (another request or node was first). */
  async insertIfAbsent(row: SubjectKeysTable): Promise<void> {
    await this.db
      .insertInto('subject_keys')
      .values(row)
      .onConflict((oc) => oc.column('subject_id').doNothing())
      .execute();
  }

  /** Deletes the subject's key for good. */
  async remove(subjectId: string): Promise<void> {
    await this.db.deleteFrom('subject_keys').where('subject_id', '=', subjectId).execute();
    await this.afterDelete();
  }

  /**
   * The master key id of one stored key, if any. One suffices while a vault
   * has a single master key; rotation will have to look further.
   */
  async sampleMasterKeyId(): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('subject_keys')
      .select('wrapped_key')
      .limit(1)
      .executeTakeFirst();
    return row?.wrapped_key.split('.')[0];
  }

  /** Closes the connection. */
  close(): Promise<void> {
    return this.db.destroy();
  }
}

/** A connection to the vault database and what must follow a deletion on it. */
interface Connection {
  db: Kysely<VaultDatabase>;
  afterDelete: () => Promise<void>;
}

function connectSqlite(file: string): Connection {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Owner-only, like the master key; SQLite gives its -wal and -shm files the same mode.
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // Deleted rows are overwritten with zeros, so a shredded key leaves no bytes behind.
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<VaultDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  // The WAL still holds the page as it was before the delete: copy the zeroed
  // page into the main file and cut the WAL to nothing. Should another process
  // hold a reader past busy_timeout, the next checkpoint (or close) finishes it.
  const afterDelete = async () => void sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return { db, afterDelete };
}

function connectPostgres(url: string, schema: string | undefined): Connection {
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<VaultDatabase>({ dialect: new PostgresDialect({ pool }) });
  return { db, afterDelete: async () => undefined };
}

/**
 * Opens the vault database (its own SQLite file, or its own PostgreSQL
 * database or schema) and brings its one table up to date.
 */
export async function openVaultStore(target: DatabaseTarget): Promise<VaultStore> {
  const { db, afterDelete } =
    target.dialect === 'sqlite'
      ? connectSqlite(target.file)
      : connectPostgres(target.url, target.schema);
  const migrator = new Migrator({
    db,
    provider,
    // Names of its own: should both ever share a database, neither migrator sees the other's list.
    migrationTableName: 'vault_migration',
    migrationLockTableName: 'vault_migration_lock',
    ...(target.dialect === 'postgres' ? { migrationTableSchema: target.schema ?? 'public' } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    await db.destroy();
    throw new Error(`Vault migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
  return new VaultStore(db, afterDelete);
}
