// Builds the web client (packages/web → packages/web/dist) unless the build is newer than
// every source it is made from; `npm start` runs this first, so a fresh checkout just works.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
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

/** Whether the lock's owner is gone: no process has the id it names. */
function isStale(lock) {
  try {
    process.kill(Number(readFileSync(path.join(lock, 'pid'), 'utf8')), 0);
    return false;
  } catch (error) {
    // EPERM: alive, someone else's; ENOENT: released meanwhile.
    return error.code === 'ESRCH';
  }
}

/** Takes the lock with its owner's id already inside (renamed into place), or answers false. */
function tryLock(lock) {
  const mine = `${lock}.${process.pid}`;
  mkdirSync(mine, { recursive: true });
  writeFileSync(path.join(mine, 'pid'), String(process.pid));
  try {
    renameSync(mine, lock);
    return true;
  } catch (error) {
    rmSync(mine, { recursive: true, force: true });
    if (error.code === 'ENOTEMPTY' || error.code === 'EEXIST') return false;
    throw error;
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
    if (tryLock(lock)) break;
    if (isStale(lock)) rmSync(lock, { recursive: true, force: true });
    else Atomics.wait(pause, 0, 0, 200);
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
