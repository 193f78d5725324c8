// Runs every *.test.ts in the workspace with Node's test runner (through tsx),
// each file in its own process. Node 20 has no glob support in --test, hence this.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** Drops the PostgreSQL schemas this run's tests made (they leave them for the end). */
async function dropRunSchemas(id) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({
    connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test',
    connectionTimeoutMillis: 5000,
  });
  try {
    await client.connect();
    const { rows } = await client.query(
      `select nspname from pg_namespace where nspname like 't\\_${id}\\_%' or nspname like 'v\\_${id}\\_%'`,
    );
    for (const { nspname } of rows) await client.query(`drop schema "${nspname}" cascade`);
  } catch {
    // No PostgreSQL here: nothing was created in it.
  } finally {
    await client.end().catch(() => undefined);
  }
}

function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : findTests(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const roots = process.argv.slice(2);
const files = (roots.length ? roots : ['packages']).flatMap((root) =>
  root.endsWith('.ts') ? [root] : findTests(root),
);
const concurrency = Math.max(2, Math.min(4, availableParallelism()));
const run = randomBytes(4).toString('hex');
const countDir = mkdtempSync(path.join(tmpdir(), 'carillon-count-'));
const countFile = path.join(countDir, 'count.txt');
const reporter = new URL('./count-reporter.mjs', import.meta.url).href;
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${concurrency}`,
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${reporter}`,
    `--test-reporter-destination=${countFile}`,
    ...files.sort(),
  ],
  { stdio: 'inherit', env: { ...process.env, CARILLON_TEST_RUN: run } },
);
await dropRunSchemas(run);
// The plain count goes last, after the spec reporter's list of failures.
try {
  process.stdout.write(`\n${readFileSync(countFile, 'utf8')}`);
} finally {
  rmSync(countDir, { recursive: true, force: true });
}
process.exit(result.status ?? 1);
