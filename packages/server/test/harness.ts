import { randomBytes } from 'node:crypto';
import { after, before, describe } from 'node:test';
import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Dialect } from '../src/platform/db/database';
import { buildApp, type AppDependencies } from '../src/app';
import { parseConfig, type Config } from '../src/config';
import { ManualClock } from '../src/platform/clock';
import type { OpenKeyVault } from '../src/privacy/vault/sql-key-vault';
import { BROKERS, skipUnless, type TestBroker } from '../src/platform/bus/event-bus.contract';
import {
  createTestDatabase,
  dialects,
  openTestVault,
  unavailableReason,
  type TestDatabase,
} from './databases';

/**
 * Declares a suite once per dialect. Each suite gets a fresh database, so
 * files and suites run in parallel without sharing anything.
 */
export function describeEachDialect(
  name: string,
  body: (dialect: Dialect) => void | Promise<void>,
): void {
  for (const dialect of dialects) {
    describe(`${name} [${dialect}]`, async () => {
      const skip = await unavailableReason(dialect);
      if (skip) {
        describe('skipped', { skip }, () => undefined);
        return;
      }
      await body(dialect);
    });
  }
}

/** The buses real-time suites run on: the embedded default and each broker. */
const buses: TestBroker[] = [
  { name: 'in-process', env: {}, where: 'this process', reachable: async () => true },
  ...BROKERS,
];

/**
 * Declares a suite once per dialect and bus. `busEnv` selects the bus (pass
 * it to startTestApp); each app gets its own cluster name, so suites sharing
 * a broker hear only their own events.
 */
export function describeEachDialectAndBus(
  name: string,
  body: (dialect: Dialect, busEnv: Record<string, string>) => void,
): void {
  for (const bus of buses)
    describeEachDialect(`${name} (${bus.name} bus)`, async (dialect) => {
      const skip = skipUnless(await bus.reachable(), bus.where);
      if (skip) {
        describe('skipped', { skip }, () => undefined);
        return;
      }
      body(dialect, bus.env);
    });
}

/** A running in-process server on its own database, with a hand-driven clock. */
export interface TestApp {
  app: FastifyInstance;
  db: TestDatabase;
  /** The app's key vault, in the test's data directory or vault schema. */
  vault: OpenKeyVault;
  clock: ManualClock;
  config: Config;
  /** Every log line the server wrote, parsed. */
  logs: string[];
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** Builds a server the way main.ts does, but on a private database and clock. */
export async function startTestApp(
  dialect: Dialect,
  options: { env?: Record<string, string>; deps?: Partial<AppDependencies> } = {},
): Promise<TestApp> {
  const db = await createTestDatabase(dialect);
  const config = parseConfig({
    DATA_DIR: db.dataDir,
    LOG_LEVEL: 'info',
    CLUSTER_NAME: uniqueClusterName(),
    ...options.env,
  });
  const clock = new ManualClock(Date.UTC(2026, 10, 25, 9));
  const vault = await openTestVault(db, { clock });
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const app = await buildApp({
    config,
    database: db,
    vault,
    secret: 'test-secret-test-secret-test-secret!',
    clock,
    logStream,
    ...options.deps,
  });
  await app.ready();
  return {
    app,
    db,
    vault,
    clock,
    config,
    logs,
    request: (o) => app.inject(o),
    async close() {
      await app.close();
      await vault.close();
      await db.drop();
    },
  };
}

/**
 * A cluster name of its own, so test servers that share the machine's Redis
 * or NATS hear only their own events and count only their own rate limits.
 * Nodes meant to form one cluster are given the same name.
 */
export function uniqueClusterName(): string {
  return `test-${randomBytes(6).toString('hex')}`;
}

/** Starts a TestApp before the suite's tests and closes it after. */
export function useTestApp(
  dialect: Dialect,
  options?: Parameters<typeof startTestApp>[1],
): () => TestApp {
  let current: TestApp | undefined;
  before(async () => {
    current = await startTestApp(dialect, options);
  });
  after(async () => {
    await current?.close();
  });
  return () => {
    if (!current) throw new Error('the test app is not started yet');
    return current;
  };
}
