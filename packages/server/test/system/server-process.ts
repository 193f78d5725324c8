import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
/** tsx compiles main.ts and its imports on start; a loaded CI machine needs a while. */
const START_TIMEOUT_MS = 60_000;

/** A real server (src/main.ts) running as a child process. */
export interface ServerProcess {
  /** Where it listens, e.g. http://127.0.0.1:43121 (no trailing slash). */
  url: string;
  /** Kills it with SIGKILL, as a power cut or the OOM killer would; resolves once it is gone. */
  kill(): Promise<void>;
}

const running = new Set<ChildProcess>();
// Never leave a server behind, whatever happens to the test process.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts `node --import tsx src/main.ts` with `env` (PORT is 0: the OS picks a
 * free port, read back from Fastify's "Server listening at" log line).
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: REPO_ROOT,
    // Only what a server needs: PATH, libpq's PG* defaults, and the test's settings.
    // Info level: the listening address is read from the log.
    env: { ...inherited(), ...env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const exited = once(child, 'exit');
  void exited.then(() => running.delete(child));
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGKILL');
    await exited;
  };
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  try {
    const url = await listeningUrl(child, exited, () => stderr);
    return { url, kill };
  } catch (error) {
    await kill();
    throw error;
  }
}

function inherited(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        (entry[0] === 'PATH' || entry[0].startsWith('PG')) && entry[1] !== undefined,
    ),
  );
}

/** Reads the child's JSON log until Fastify says where it listens. */
function listeningUrl(
  child: ChildProcess,
  exited: Promise<unknown>,
  stderr: () => string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the server did not start in time:\n${stderr()}`)),
      START_TIMEOUT_MS,
    );
    const settle = () => clearTimeout(timer);
    void exited.then(() => {
      settle();
      reject(new Error(`the server exited with ${child.exitCode}:\n${stderr()}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const address = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
      if (!address) return;
      settle();
      resolve(address);
    });
  });
}
