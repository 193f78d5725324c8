import type { Kysely } from 'kysely';
import type { Database, SessionsTable } from '../../platform/db/schema';
import { watchTable, type TableWatch } from '../../platform/db/watch-table';

/** Sessions kept at most; past it the longest-kept goes first. */
const DEFAULT_CAPACITY = 10_000;

/**
 * Sessions recently found by token hash, so a signed-in request reads no
 * row. A session still ends at once: every update or delete of a session
 * row drops it here inside the statement that makes it (signing out,
 * a password reset, freezing, erasure by the privacy engines, a deleted
 * account's cascade), and a commit from any other connection to the file
 * empties the cache before the next lookup. Only where such a watch exists
 * (SQLite): `SessionCache.over` answers undefined on PostgreSQL, whose other
 * nodes end sessions unseen.
 */
export class SessionCache {
  private readonly rows = new Map<string, Readonly<SessionsTable>>();
  /** Moves on every drop, so a read that raced with one is not kept. */
  private generation = 0;
  private watch: TableWatch | undefined;

  private constructor(private readonly capacity: number) {}

  /** A cache over `db`'s sessions, or undefined where their changes cannot be watched. */
  static over(db: Kysely<Database>, capacity = DEFAULT_CAPACITY): SessionCache | undefined {
    const cache = new SessionCache(capacity);
    cache.watch = watchTable(db, 'sessions', 'token_hash', (tokenHash) => cache.drop(tokenHash));
    return cache.watch && cache;
  }

  /** The kept session for this token hash, if any. */
  get(tokenHash: string): Readonly<SessionsTable> | undefined {
    if (this.watch?.changedElsewhere()) this.clear();
    return this.rows.get(tokenHash);
  }

  /** Where a lookup starts: pass it to `keep` with the row it found. */
  mark(): number {
    return this.generation;
  }

  /** Keeps a row read since `mark`, unless a change was reported meanwhile. */
  keep(row: SessionsTable, mark: number): void {
    if (!this.watch || mark !== this.generation) return;
    if (this.rows.size >= this.capacity) this.rows.delete(this.rows.keys().next().value!);
    this.rows.set(row.token_hash, Object.freeze({ ...row }));
  }

  /** Stops hearing of changes; the cache answers nothing after. */
  stop(): void {
    this.watch?.stop();
    this.watch = undefined;
    this.clear();
  }

  private drop(tokenHash: string): void {
    this.generation++;
    this.rows.delete(tokenHash);
  }

  private clear(): void {
    this.generation++;
    this.rows.clear();
  }
}
