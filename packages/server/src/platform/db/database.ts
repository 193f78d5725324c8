import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import { AUTOMATIC_CHECKPOINT_PAGES } from './checkpointer';
import { allowDirect } from './direct-sqlite';
import { withStatementCache } from './statement-cache';

/** Which SQL engine a connection talks to. */
export type Dialect = 'sqlite' | 'postgres';

/** An open database plus what callers need to know about it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** PostgreSQL schema the tables live in; undefined for SQLite. */
  schema: string | undefined;
  close(): Promise<void>;
}

/** Where to store data: a PostgreSQL URL (optionally a schema), or a SQLite file. */
export type DatabaseTarget =
  { dialect: 'postgres'; url: string; schema?: string } | { dialect: 'sqlite'; file: string };

const INT8_OID = 20;

/**
 * The target a PostgreSQL URL names. libpq's way to choose a schema is
 * `?options=-c search_path=<schema>`; naming it here too keeps the migration
 * bookkeeping and the privacy engines' catalog reads in that schema, not in public.
 */
export function postgresTarget(url: string): DatabaseTarget {
  const options = new URL(url).searchParams.get('options') ?? '';
  const schema = /(?:^|\s)-c\s*search_path=([A-Za-z_][\w$]*)(?:\s|$)/.exec(options)?.[1];
  return { dialect: 'postgres', url, ...(schema ? { schema } : {}) };
}

/** Opens the database; SQLite runs in WAL mode with foreign keys enforced. */
export function openDatabase(target: DatabaseTarget): DatabaseHandle {
  if (target.dialect === 'sqlite') {
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    const sqlite = new SQLite(target.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Checkpoint every ~40 MB of WAL, not 4 MB: a message dirties a dozen pages (rows, indexes,
    // the event log), mostly the same hot ones, which a later checkpoint writes back only once.
    // The server hands this to a thread of its own (checkpointer.ts).
    sqlite.pragma(`wal_autocheckpoint = ${AUTOMATIC_CHECKPOINT_PAGES}`);
    // Erasure must leave no plaintext in free pages or free space of the file (PRIV-5).
    sqlite.pragma('secure_delete = ON');
    const statements = withStatementCache(sqlite);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }) });
    allowDirect(db, { sqlite, prepare: statements.prepare });
    return { db, dialect: 'sqlite', schema: undefined, close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: 10,
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
    // Times are bigint milliseconds; they fit a JS number for the next 280,000 years.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format)) as never,
    },
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', schema: target.schema ?? 'public', close: () => db.destroy() };
}
