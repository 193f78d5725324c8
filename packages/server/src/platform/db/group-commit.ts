import type { ControlledTransaction, Kysely, Transaction } from 'kysely';
import { runDirect } from './direct-sqlite';
import type { Database } from './schema';

/** Most units of work one shared transaction takes before it commits. */
const MAX_BATCH = 64;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Pending {
  work: (trx: Transaction<Database>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: units of work that arrive while a transaction is running
 * wait, then run one after another in the next shared transaction, each
 * inside its own savepoint, and all commit at once. A unit that throws rolls
 * back to its savepoint and gets its error; the others are unaffected. No
 * caller hears of success before the commit that holds its work, so an
 * acknowledged change is as durable as with a transaction of its own.
 *
 * Why: a message to a group writes a row and bumps a cursor for every
 * member, scattered over many pages; committing a burst of messages together
 * writes each page once instead of once per message. Under light load every
 * batch holds one unit and nothing changes.
 *
 * If the shared transaction itself fails (a deadlock with another node, a
 * lost connection, a failed commit), each unit of it runs again alone, so
 * one unit's conflict never fails another's.
 */
export class GroupCommit {
  private readonly queue: Pending[] = [];
  private draining = false;

  constructor(private readonly db: Kysely<Database>) {}

  /** Runs `work` in a transaction shared with whatever else is waiting. */
  run<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) void this.drain();
    });
  }

  /**
   * Takes batches until the queue is empty. Each batch starts on the next
   * turn of the event loop, after the I/O callbacks of this one: the requests
   * that arrived meanwhile reach the queue first and commit with it, with no
   * timer to wait for.
   */
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      do {
        await nextTurn();
        await this.commitBatch(this.queue.splice(0, MAX_BATCH));
      } while (this.queue.length > 0);
    } finally {
      this.draining = false;
    }
  }

  private async commitBatch(batch: Pending[]): Promise<void> {
    if (batch.length === 1) return this.runAlone(batch[0]!);
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      const trx = await this.db.startTransaction().execute();
      try {
        for (const [i, pending] of batch.entries()) {
          const unit = await openUnit(trx, `unit_${i}`);
          try {
            outcomes.push({ ok: true, value: await pending.work(unit.trx) });
            await unit.release();
          } catch (error) {
            await unit.rollback();
            outcomes.push({ ok: false, error });
          }
        }
        await trx.commit().execute();
      } catch (error) {
        await trx.rollback().execute();
        throw error;
      }
    } catch {
      for (const pending of batch) await this.runAlone(pending);
      return;
    }
    for (const [i, outcome] of outcomes.entries()) {
      if (outcome.ok) batch[i]!.resolve(outcome.value);
      else batch[i]!.reject(outcome.error);
    }
  }

  private async runAlone(pending: Pending): Promise<void> {
    try {
      pending.resolve(await this.db.transaction().execute(pending.work));
    } catch (error) {
      pending.reject(error);
    }
  }
}

/** One unit's savepoint in a shared transaction, and the transaction its work runs on. */
interface Unit {
  trx: Transaction<Database>;
  release(): Promise<void>;
  rollback(): Promise<void>;
}

/**
 * Opens a savepoint: on SQLite straight on the connection the transaction
 * holds (`runDirect`), since going through Kysely cost as much as the
 * unit's own statements; elsewhere through Kysely.
 */
async function openUnit(trx: ControlledTransaction<Database>, name: string): Promise<Unit> {
  if (runDirect(trx, `savepoint ${name}`, [])) {
    const run = (text: string) => void runDirect(trx, text, []);
    return {
      trx,
      release: async () => run(`release ${name}`),
      // A rolled-back savepoint stays open until released.
      rollback: async () => {
        run(`rollback to ${name}`);
        run(`release ${name}`);
      },
    };
  }
  const inside = await trx.savepoint(name).execute();
  return {
    trx: inside,
    release: async () => void (await inside.releaseSavepoint(name).execute()),
    rollback: async () => void (await inside.rollbackToSavepoint(name).execute()),
  };
}
