/**
 * The real Carillon server as a child process of the fan-out bench, started
 * like bench/server.ts (SQLite in a temporary directory). Besides `cpu` it
 * answers `seed`, which creates accounts in-process (see seed-accounts.ts).
 */
import { sql } from 'kysely';
import { BENCH_SECRET, startCarillon } from '../server';
import { serveParent } from './child-ipc';
import { seedAccounts } from './seed-accounts';

const carillon = await startCarillon();
const pragma = await sql<{ synchronous: number }>`pragma synchronous`.execute(carillon.database.db);

serveParent(
  { port: carillon.port, synchronous: pragma.rows[0]?.synchronous ?? Number.NaN },
  {
    seed: (count: number) => seedAccounts(carillon.database, carillon.clock, BENCH_SECRET, count),
  },
  () => carillon.close(),
);
