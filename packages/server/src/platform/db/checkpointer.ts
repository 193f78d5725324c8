import { Worker } from 'node:worker_threads';
import { sql, type Kysely } from 'kysely';
import { directConnectionOf } from './direct-sqlite';
import type { Database } from './schema';

/** WAL pages (4 KiB each) SQLite copies back itself when no checkpointer runs. */
export const AUTOMATIC_CHECKPOINT_PAGES = 10_000;

/** How often the checkpointer copies, and at what WAL length it has the WAL start over. */
export interface CheckpointerOptions {
  /**
   * A page written many times between two passes is copied once; passes every
   * 100 ms copied the same hot pages so often that the 1:1 bench lost 10%.
   */
  everyMs?: number;
  restartPages?: number;
  /**
   * Told each time the server's connection finished a copy the thread began: whether
   * all is copied (so the next write starts the WAL over).
   */
  onCopied?: (copiedAll: boolean) => void;
  /** Told when a checkpoint fails; SQLite's own automatic checkpoints take over then. */
  onError?: (error: Error) => void;
}

/** A running checkpointer; `stop` ends its thread and gives checkpoints back to SQLite. */
export interface Checkpointer {
  /** Settles once the thread has taken checkpoints over; until then SQLite does them. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/** What the thread says (checkpoint-worker.mjs). */
type WorkerMessage = { ready: true } | { failed: string } | { longWal: true };
/** What `pragma wal_checkpoint` answers, in WAL pages. */
type CheckpointRow = { busy: number; log: number; checkpointed: number };

/**
 * Copies the SQLite WAL back into the database file on a thread of its own.
 * Left to SQLite, the commit that crosses AUTOMATIC_CHECKPOINT_PAGES does the
 * copying, tens of milliseconds in which the event loop serves no one: at a
 * few thousand messages a second, that was 8% of the server's time, in
 * stalls that set its p99. Undefined on PostgreSQL, which checkpoints itself.
 */
export function startCheckpointer(
  db: Kysely<Database>,
  { everyMs = 500, restartPages = AUTOMATIC_CHECKPOINT_PAGES, ...report }: CheckpointerOptions = {},
): Checkpointer | undefined {
  const connection = directConnectionOf(db);
  if (!connection || connection.sqlite.memory) return undefined;
  const { sqlite } = connection;
  const worker = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), {
    workerData: { file: sqlite.name, everyMs, restartPages },
  });
  // A one-off command need not wait for it: SQLite checkpoints when the last connection closes.
  worker.unref();
  let stopped = false;
  let takeOver: () => void;
  const ready = new Promise<void>((resolve) => (takeOver = resolve));
  const handBack = () => {
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${AUTOMATIC_CHECKPOINT_PAGES}`);
  };
  const fail = (error: Error) => {
    worker.postMessage('stop');
    handBack();
    report.onError?.(error);
  };
  worker.on('message', (message: WorkerMessage) => {
    if ('ready' in message) {
      if (!stopped && sqlite.open) sqlite.pragma('wal_autocheckpoint = 0');
      takeOver();
    } else if ('failed' in message) fail(new Error(`WAL checkpoint: ${message.failed}`));
    else void finishCopy();
  });
  /**
   * The last copy, on the server's connection between its transactions (Kysely
   * queues it behind an open one), where no write comes in behind it: once it
   * has copied all, the next write starts the WAL over. PASSIVE never waits.
   */
  const finishCopy = async () => {
    try {
      const { rows } = await sql<CheckpointRow>`pragma wal_checkpoint(PASSIVE)`.execute(db);
      const row = rows[0]!;
      report.onCopied?.(row.checkpointed === row.log);
      worker.postMessage('copied');
    } catch (error) {
      if (!stopped) fail(error as Error);
    }
  };
  worker.on('error', fail);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    ready,
    async stop() {
      stopped = true;
      worker.ref(); // the exit is worth waiting for
      worker.postMessage('stop');
      await exited;
      handBack();
    },
  };
}
