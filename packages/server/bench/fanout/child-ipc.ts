import { fork, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';

/** A request the bench sends to a server child, answered once. */
interface Request {
  id: number;
  command: string;
  args: unknown;
}

/** The child's answer to one request. */
type Reply = { id: number; result: unknown } | { id: number; error: string };

/** What a child announces once it listens: its loopback port and SQLite's synchronous setting. */
export interface ChildReady {
  port: number;
  synchronous: number;
}

/** A server under test, running in its own process so its CPU time is its own. */
export interface ServerChild extends ChildReady {
  pid: number;
  call<T>(command: string, args?: unknown): Promise<T>;
  close(): Promise<void>;
}

/** A child's own commands, by name. */
export type Handlers = Record<string, (args: never) => Promise<unknown> | unknown>;

const STARTUP_TIMEOUT_MS = 30_000;

/**
 * Starts `file` (a sibling TypeScript module) under tsx with an IPC channel
 * and waits for it to listen.
 */
export async function startChild(file: string): Promise<ServerChild> {
  const path = fileURLToPath(new URL(file, import.meta.url));
  // Both servers store in SQLite, whatever DATABASE_URL the rest of the bench uses.
  const { DATABASE_URL: _db, VAULT_DATABASE_URL: _vault, ...env } = process.env;
  const child = fork(path, [], { execArgv: ['--import', 'tsx'], env, stdio: 'inherit' });
  const ready = await new Promise<ChildReady>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${file} did not start`)), STARTUP_TIMEOUT_MS);
    child.once('message', (message) => {
      clearTimeout(timer);
      resolve(message as ChildReady);
    });
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code} while starting`)));
  });
  return { ...ready, pid: child.pid!, call: caller(child), close: () => closeChild(child) };
}

function caller(child: ChildProcess) {
  let nextId = 0;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  child.on('message', (message) => {
    const reply = message as Reply;
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if ('error' in reply) waiter?.reject(new Error(reply.error));
    else waiter?.resolve(reply.result);
  });
  child.on('exit', () => {
    for (const waiter of pending.values()) waiter.reject(new Error('the server child exited'));
  });
  return <T>(command: string, args?: unknown) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, command, args } satisfies Request);
    });
}

async function closeChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send({ id: -1, command: 'close', args: undefined } satisfies Request);
  await exited;
}

/** Commands every child answers: CPU time so far, and a V8 CPU profile of a stretch of its work. */
function commonHandlers(): Handlers {
  const inspector = new Session();
  inspector.connect();
  return {
    cpu: () => {
      const usage = process.cpuUsage();
      return usage.user + usage.system;
    },
    startProfile: async () => {
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.start');
    },
    /** Writes the profile (open it in Chrome DevTools or speedscope) to `file`. */
    stopProfile: async (file: string) => {
      const { profile } = await inspector.post('Profiler.stop');
      await writeFile(file, JSON.stringify(profile));
    },
  };
}

/**
 * The child's side: announces `ready`, then answers requests with `handlers`
 * and the common ones; `close` runs `shutdown` and exits.
 */
export function serveParent(
  ready: ChildReady,
  handlers: Handlers,
  shutdown: () => Promise<void>,
): void {
  const all: Handlers = { ...commonHandlers(), ...handlers };
  process.on('message', async (message) => {
    const { id, command, args } = message as Request;
    if (command === 'close') {
      await shutdown();
      process.exit(0);
    }
    try {
      const handler = all[command];
      if (!handler) throw new Error(`unknown command ${command}`);
      process.send!({ id, result: await handler(args as never) } satisfies Reply);
    } catch (error) {
      process.send!({ id, error: String(error) } satisfies Reply);
    }
  });
  process.send!(ready);
}
