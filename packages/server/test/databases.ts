import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  openDatabase,
  type DatabaseHandle,
  type DatabaseTarget,
  type Dialect,
} from '../src/platform/db/database';
import { migrateToLatest } from '../src/platform/db/migrations';
import { loadMasterKey } from '../src/privacy/vault/master-key';
import {
  openKeyVault,
  type KeyVaultOptions,
  type OpenKeyVault,
} from '../src/privacy/vault/sql-key-vault';

/** The PostgreSQL every test run uses; each test gets its own schema in it. */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

export const dialects: Dialect[] = ['sqlite', 'postgres'];

let reachable: Promise<boolean> | undefined;

/** Whether the test PostgreSQL answers; asked once per process. */
export function postgresReachable(): Promise<boolean> {
  // A loaded machine can be slow to accept a connection; ask three times
  // before calling it absent, so a busy server never silently skips tests.
  reachable ??= (async () => {
    for (let attempt = 0; attempt < 3; attempt++) if (await answers()) return true;
    return false;
  })();
  return reachable;
}

async function answers(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: TEST_DATABASE_URL,
    connectionTimeoutMillis: 10_000,
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
  /** Where this database lives, for a second connection to it (another process's view). */
  target: DatabaseTarget;
  /**
   * Where this test's key vault lives, apart from the database as in
   * production: DATA_DIR/vault.sqlite, or a PostgreSQL schema of its own.
   */
  vaultTarget: DatabaseTarget;
}

/** Opens a private, empty database of the given dialect; `migrate: false` leaves it bare. */
export async function createTestDatabase(
  dialect: Dialect,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'carillon-test-'));
  let target: DatabaseTarget;
  let vaultTarget: DatabaseTarget;
  let cleanup: () => Promise<void>;
  if (dialect === 'sqlite') {
    target = { dialect: 'sqlite', file: path.join(dataDir, 'carillon.sqlite') };
    vaultTarget = { dialect: 'sqlite', file: path.join(dataDir, 'vault.sqlite') };
    cleanup = async () => undefined;
  } else {
    // Under scripts/run-tests.mjs schemas carry the run's id and are dropped once,
    // after every file: a DROP SCHEMA while another file's migrator scans the
    // catalog makes that scan fail.
    const run = process.env.CARILLON_TEST_RUN;
    const suffix = `${run ? `${run}_` : ''}${randomBytes(6).toString('hex')}`;
    const schemas = [`t_${suffix}`, `v_${suffix}`];
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    for (const schema of schemas) await admin.query(`create schema ${schema}`);
    await admin.end();
    target = { dialect: 'postgres', url: TEST_DATABASE_URL, schema: schemas[0] };
    vaultTarget = { dialect: 'postgres', url: TEST_DATABASE_URL, schema: schemas[1] };
    cleanup = async () => {
      if (run) return;
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      for (const schema of schemas) await client.query(`drop schema ${schema} cascade`);
      await client.end();
    };
  }
  const handle = openDatabase(target);
  const drop = async () => {
    await handle.close();
    await cleanup();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    if (options.migrate !== false) await retryingSchemaRace(() => migrateToLatest(handle));
  } catch (error) {
    await drop();
    throw error;
  }
  return { ...handle, dataDir, target, vaultTarget, drop };
}

/**
 * Opens the test database's key vault with the master key generated into its
 * data directory; call again after closing to see what survives a restart.
 */
export function openTestVault(
  db: TestDatabase,
  options: KeyVaultOptions = {},
): Promise<OpenKeyVault> {
  const master = loadMasterKey(undefined, db.dataDir);
  return retryingSchemaRace(() => openKeyVault(db.vaultTarget, master, options));
}

/** PostgreSQL's "schema does not exist" and "relation does not exist". */
const DROPPED_UNDERFOOT = new Set(['3F000', '42P01']);

/**
 * Kysely's migrator lists the tables of every schema before migrating; when
 * another test drops its schema during that catalog query, the query fails
 * with 3F000 or 42P01. Only tests drop schemas beside a running server, so
 * the retry lives here rather than in the migrators.
 */
export async function retryingSchemaRace<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      const code = (error as { cause?: { code?: unknown } }).cause?.code;
      if (!DROPPED_UNDERFOOT.has(code as string) || tries >= 20) throw error;
      // Many suites start and end at once on a busy machine: let the drops pass.
      await new Promise((resolve) => setTimeout(resolve, 20 * tries));
    }
  }
}
