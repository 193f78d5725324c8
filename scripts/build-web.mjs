// Builds the web client (packages/web → packages/web/dist) unless the build is newer than
// every source it is made from; `npm start` runs this first, so a fresh checkout just works.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
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

/** Whether the lock's owner is gone: its process ended, or it died before naming itself. */
function isStale(lock) {
  try {
    const pid = Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
    process.kill(pid, 0);
    return false;
  } catch (error) {
    if (error.code === 'EPERM') return false; // alive, someone else's
    if (error.code !== 'ENOENT') return true; // ESRCH: no such process
    try {
      return Date.now() - statSync(lock).mtimeMs > 30_000;
    } catch {
      return false; // released meanwhile
    }
  }
}

/**
 * One build at a time: parallel browser-journey files (and `npm start`) may
 * all find the build stale at once, and two Vite builds into one `dist`
 * break each other. The lock names its process, so a lock left by a killed
 * build is taken over at once, and a slow build is never broken into.
 */
function withBuildLock(work) {
  const lock = path.join(web, '.build-lock');
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (isStale(lock)) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(pause, 0, 0, 200);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const force = process.argv.includes('--force');
const status = withBuildLock(() => {
  if (!force && existsSync(built)) {
    const builtAt = statSync(built).mtimeMs;
    if (sources.every((source) => !existsSync(source) || newest(source) <= builtAt)) return 0;
  }
  console.log('Building the web client (packages/web)…');
  const result = spawnSync('npm', ['run', 'build', '-w', '@carillon/web'], {
    cwd: root,
    stdio: 'inherit',
  });
  return result.status ?? 1;
});
process.exit(status);
