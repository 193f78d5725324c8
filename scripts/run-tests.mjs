// Runs every *.test.ts in the workspace with Node's test runner (through tsx),
// each file in its own process. Node 20 has no glob support in --test, hence this.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';

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
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${concurrency}`,
    '--test-reporter=spec',
    ...files.sort(),
  ],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
