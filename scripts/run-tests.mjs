// Runs every *.test.ts in the workspace with Node's test runner (through tsx),
// each file in its own process (Node 20 has no glob support in --test, hence this),
// then the web client's component tests with Vitest (packages/web/src, jsdom), and
// prints one summary line per runner. The web client's browser journeys
// (packages/web/e2e/*.test.ts) are Node tests like the server's system tests.
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
    return /\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Component tests live in packages/web/src and run under Vitest, not Node's runner. */
const WEB_SOURCES = path.join('packages', 'web', 'src');
const isComponentTest = (file) => path.normalize(file).startsWith(WEB_SOURCES + path.sep);

/** Runs `vitest run` for the web package (only the given files when some were named). */
function runVitest(only) {
  const summary = path.join(countDir, 'vitest.json');
  const args = [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${summary}`,
  ];
  const result = spawnSync(
    'npx',
    [...args, ...only.map((f) => path.relative(path.join('packages', 'web'), f))],
    {
      cwd: path.join('packages', 'web'),
      stdio: 'inherit',
    },
  );
  try {
    const report = JSON.parse(readFileSync(summary, 'utf8'));
    const skipped = report.numPendingTests + report.numTodoTests;
    return {
      status: result.status ?? 1,
      line: `${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`,
    };
  } catch {
    return { status: result.status || 1, line: 'did not report (see the output above)' };
  }
}

const roots = process.argv.slice(2);
const found = (roots.length ? roots : ['packages']).flatMap((root) =>
  /\.test\.tsx?$/.test(root) ? [root] : findTests(root),
);
const files = found.filter((file) => !isComponentTest(file));
// Every component test on a full run; on a partial one, those named or found under the roots.
const componentFiles = found.filter(isComponentTest);
const runComponents = roots.length === 0 || componentFiles.length > 0;
const concurrency = Math.max(2, Math.min(4, availableParallelism()));
const run = randomBytes(4).toString('hex');
const countDir = mkdtempSync(path.join(tmpdir(), 'carillon-count-'));
const countFile = path.join(countDir, 'count.txt');
const reporter = new URL('./count-reporter.mjs', import.meta.url).href;
const nodeResult =
  files.length === 0
    ? null
    : spawnSync(
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
const vitest = runComponents ? runVitest(roots.length ? componentFiles : []) : null;
/** The node:test counts (first line) and failures, or a plain word when its run died before the reporter wrote them. */
function nodeReport() {
  try {
    const [counts, ...failures] = readFileSync(countFile, 'utf8').split('\n');
    return { counts: `${counts}\n`, failures: failures.join('\n') };
  } catch {
    return {
      counts: `did not report (exit ${nodeResult.status ?? nodeResult.signal}; see the output above)\n`,
      failures: '',
    };
  }
}
// The plain counts go last, one line per runner, always; then the node:test failures with
// the start of their errors, so the end of the log says why (Vitest lists its own above).
try {
  const node = nodeResult ? nodeReport() : null;
  if (node) process.stdout.write(`\nnode:test  ${node.counts}`);
  if (vitest) process.stdout.write(`vitest     ${vitest.line}\n`);
  if (node?.failures.trim()) process.stdout.write(node.failures);
} finally {
  rmSync(countDir, { recursive: true, force: true });
}
const failed = (nodeResult && nodeResult.status !== 0) || (vitest && vitest.status !== 0);
process.exit(failed ? 1 : 0);
