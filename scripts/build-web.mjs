// Builds the web client (packages/web → packages/web/dist) unless the build is newer than
// every source it is made from; `npm start` runs this first, so a fresh checkout just works.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const web = path.join(root, 'packages', 'web');
const built = path.join(web, 'dist', 'index.html');
const sources = [
  path.join(web, 'src'),
  path.join(web, 'public'),
  path.join(web, 'sw'),
  path.join(web, 'index.html'),
  path.join(web, 'vite.config.ts'),
  path.join(root, 'packages', 'protocol', 'src'),
];

/** The newest modification time under `entry` (a file or a folder). */
function newest(entry) {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((max, name) => Math.max(max, newest(path.join(entry, name))), 0);
}

const force = process.argv.includes('--force');
if (!force && existsSync(built)) {
  const builtAt = statSync(built).mtimeMs;
  if (sources.every((source) => !existsSync(source) || newest(source) <= builtAt)) process.exit(0);
}
console.log('Building the web client (packages/web)…');
const result = spawnSync('npm', ['run', 'build', '-w', '@carillon/web'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
