import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type Dialect } from '../src/platform/db/database';
import { migrateToLatest } from '../src/platform/db/migrations';

/** The PostgreSQL every test run uses; each test gets its own schema in it. */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

export const dialects: Dialect[] = ['sqlite', 'postgres'];

let reachable: Promise<boolean> | undefined;

/** Whether the test PostgreSQL answers; asked once per process. */
export function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({
      connectionString: TEST_DATABASE_URL,
      connectionTimeoutMillis: 3000,
    });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return reachable;
}

/**
 * Why a dialect's tests cannot run here, or undefined when they can. In CI a
 * missing PostgreSQL is a failure (the caller throws), never a quiet skip.
 */
export async function unavailableReason(dialect: Dialect): Promise<string | undefined> {
  if (dialect === 'sqlite' || (await postgresReachable())) return undefined;
  const reason = `PostgreSQL is not reachable at ${TEST_DATABASE_URL}`;
  if (process.env.CI === 'true') throw new Error(reason);
  return reason;
}

/** A database of its own for one test: a fresh SQLite file or a fresh PostgreSQL schema. */
export interface TestDatabase extends DatabaseHandle {
  /** Closes the connection and removes every trace of the database. */
  drop(): Promise<void>;
  dataDir: string;
}

/** Opens a private, empty database of the given dialect; `migrate: false` leaves it bare. */
export async function createTestDatabase(
  dialect: Dialect,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'carillon-test-'));
  let handle: DatabaseHandle;
  let cleanup: () => Promise<void>;
  if (dialect === 'sqlite') {
    handle = openDatabase({ dialect: 'sqlite', file: path.join(dataDir, 'carillon.sqlite') });
    cleanup = async () => undefined;
  } else {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    handle = openDatabase({ dialect: 'postgres', url: TEST_DATABASE_URL, schema });
    cleanup = async () => {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    };
  }
  const drop = async () => {
    await handle.close();
    await cleanup();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    if (options.migrate !== false) await migrateToLatest(handle);
  } catch (error) {
    await drop();
    throw error;
  }
  return { ...handle, dataDir, drop };
}
