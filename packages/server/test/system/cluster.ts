import { randomInt } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { buildApp } from '../../src/app';
import { parseConfig } from '../../src/config';
import { ManualClock } from '../../src/platform/clock';
import { openDatabase } from '../../src/platform/db/database';
import {
  createTestDatabase,
  openTestVault,
  TEST_DATABASE_URL,
  type TestDatabase,
} from '../databases';
import { uniqueClusterName, type TestApp } from '../harness';

/** One node of a test cluster: a TestApp that also listens on a loopback port. */
export interface ClusterNode extends TestApp {
  /** e.g. http://127.0.0.1:43121 */
  url: string;
}

/** Two nodes on one PostgreSQL schema; close() stops both and drops the schema. */
export interface Cluster {
  a: ClusterNode;
  b: ClusterNode;
  close(): Promise<void>;
}

/** Every node signs and checks tokens with the same secret, as a real cluster's nodes share one. */
const CLUSTER_SECRET = 'cluster-secret-cluster-secret-cluster!';

/**
 * Starts two servers the way main.ts would on several machines: one
 * PostgreSQL schema, each node with its own connection pool, key-vault
 * connection and event-bus client to the broker named in `broker`
 * (REDIS_URL or NATS_URL), so events cross nodes only through the broker.
 * They share one hand-driven clock, as NTP-synchronised machines would.
 */
export async function startCluster(broker: Record<string, string>): Promise<Cluster> {
  const db = await createTestDatabase('postgres');
  const clock = new ManualClock(Date.UTC(2026, 10, 25, 9));
  const named = { CLUSTER_NAME: uniqueClusterName(), ...broker };
  const nodes: ClusterNode[] = [];
  const close = async () => {
    for (const node of nodes) await node.close();
    await db.drop();
  };
  try {
    const a = await startNode(db, clock, named);
    nodes.push(a);
    const b = await startNode(db, clock, named);
    nodes.push(b);
    return { a, b, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function startNode(
  shared: TestDatabase,
  clock: ManualClock,
  broker: Record<string, string>,
): Promise<ClusterNode> {
  const clientAddress = `198.51.100.${randomInt(1, 255)}`;
  const config = parseConfig({
    DATA_DIR: shared.dataDir,
    LOG_LEVEL: 'info',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    ...broker,
  });
  const database = openDatabase({
    dialect: 'postgres',
    url: TEST_DATABASE_URL,
    schema: shared.schema,
  });
  const vault = await openTestVault(shared, { clock });
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const app = await buildApp({ config, database, vault, secret: CLUSTER_SECRET, clock, logStream });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    db: shared,
    vault,
    clock,
    config,
    logs,
    url: `http://127.0.0.1:${port}`,
    // Rate limits count per address in the shared Redis; a private one keeps
    // this cluster's sign-ups from eating other suites' budgets, and theirs ours.
    request: (options) => app.inject({ remoteAddress: clientAddress, ...options }),
    async close() {
      await app.close();
      await vault.close();
      await database.close();
    },
  };
}
