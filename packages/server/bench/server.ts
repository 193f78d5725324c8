import Fastify, { type FastifyInstance } from 'fastify';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app';
import { parseConfig } from '../src/config';
import { ManualClock, systemClock } from '../src/platform/clock';
import type { DatabaseHandle } from '../src/platform/db/database';
import type { OpenKeyVault } from '../src/privacy/vault/sql-key-vault';
import { openMigratedDatabase, openVault } from '../src/runtime';

/** A server listening on a loopback port, and how to stop it. */
export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/** The real Carillon server, plus the handles the sign-up flow needs. */
export interface CarillonServer extends RunningServer {
  database: DatabaseHandle;
  clock: ManualClock;
}

/** The server secret; the fan-out bench starts sessions under it outside the app too. */
export const BENCH_SECRET = 'carillon-bench-secret-carillon-bench-secret';
/** Fixed, like the secret, so a reused PostgreSQL vault opens again on the next run. */
const BENCH_MASTER_KEY = Buffer.alloc(32, 'carillon-bench').toString('base64');
const HOUR = 3_600_000;

async function listenOnLoopback(app: FastifyInstance): Promise<number> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return (app.server.address() as AddressInfo).port;
}

/**
 * Where the injected clock starts: now, or an hour past the newest code
 * already stored. A reused PostgreSQL database holds earlier runs' codes,
 * possibly stamped in the future by their advanced clocks, and those would
 * count against this run's per-requester limit.
 */
async function clockStart(database: DatabaseHandle): Promise<number> {
  const row = await database.db
    .selectFrom('verification_codes')
    .select((eb) => eb.fn.max('created_at').as('newest'))
    .executeTakeFirst();
  const newest = row?.newest == null ? 0 : Number(row.newest);
  return Math.max(systemClock.now(), newest + HOUR + 1);
}

/**
 * Starts Carillon the way src/main.ts does, on a fresh temporary data
 * directory (SQLite) or on DATABASE_URL (PostgreSQL), with an injected clock.
 */
export async function startCarillon(): Promise<CarillonServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'carillon-bench-'));
  const removeDataDir = () => rm(dataDir, { recursive: true, force: true });
  let database: DatabaseHandle | undefined;
  let vault: OpenKeyVault | undefined;
  try {
    const config = parseConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      DATABASE_URL: process.env.DATABASE_URL,
      VAULT_DATABASE_URL: process.env.VAULT_DATABASE_URL,
      MASTER_KEY: BENCH_MASTER_KEY,
    });
    database = await openMigratedDatabase(config);
    vault = await openVault(config);
    const clock = new ManualClock(await clockStart(database));
    const app = await buildApp({ config, database, vault, secret: BENCH_SECRET, clock });
    const opened = database;
    const openedVault = vault;
    return {
      port: await listenOnLoopback(app),
      database: opened,
      clock,
      async close() {
        await app.close();
        await opened.close();
        await openedVault.close();
        await removeDataDir();
      },
    };
  } catch (error) {
    await database?.close();
    await vault?.close();
    await removeDataDir();
    throw error;
  }
}

/** The baseline: Fastify with no plugins, no logger and one JSON route. */
export async function startBareFastify(): Promise<RunningServer> {
  const app = Fastify();
  app.get('/bare', async () => ({ ok: true }));
  return { port: await listenOnLoopback(app), close: () => app.close() };
}
