import type { Kysely } from 'kysely';
import type { AuditCheckpointsTable, AuditEntriesTable, Database } from '../../platform/db/schema';

export type AuditEntryRow = AuditEntriesTable;
export type AuditCheckpointRow = AuditCheckpointsTable;

/** The end of the chain: the newest entry's position and hash. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** What one append writes: the entry and, every so often, a checkpoint of it. */
export interface AppendRows {
  entry: AuditEntryRow;
  checkpoint?: AuditCheckpointRow | undefined;
}

/**
 * A concurrent append: another writer took the same seq (unique violation),
 * or SQLite found the file changed between our read and our write.
 */
function isConcurrentAppend(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string') return false;
  return (
    ['23505', '40001', '40P01'].includes(code) ||
    code.startsWith('SQLITE_CONSTRAINT') ||
    code.startsWith('SQLITE_BUSY')
  );
}

/** Audit entries and checkpoints; rows are only ever inserted, never updated or deleted. */
export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Reads the head and inserts what `build` makes of it, in one transaction.
   * Returns undefined when another writer appended first; the caller retries.
   */
  async tryAppend(
    build: (head: ChainHead | undefined) => AppendRows,
  ): Promise<AuditEntryRow | undefined> {
    try {
      return await this.db.transaction().execute(async (tx) => {
        const head = await tx
          .selectFrom('audit_entries')
          .select(['seq', 'hash'])
          .orderBy('seq', 'desc')
          .limit(1)
          .executeTakeFirst();
        const { entry, checkpoint } = build(head);
        await tx.insertInto('audit_entries').values(entry).execute();
        if (checkpoint)
          await tx
            .insertInto('audit_checkpoints')
            .values(checkpoint)
            .onConflict((oc) => oc.column('seq').doNothing())
            .execute();
        return entry;
      });
    } catch (error) {
      if (isConcurrentAppend(error)) return undefined;
      throw error;
    }
  }

  /** The newest entry's position and hash; undefined while the log is empty. */
  async head(): Promise<ChainHead | undefined> {
    return this.db
      .selectFrom('audit_entries')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** Stores a checkpoint unless one for that seq exists already (another node made it). */
  async addCheckpoint(row: AuditCheckpointRow): Promise<void> {
    await this.db
      .insertInto('audit_checkpoints')
      .values(row)
      .onConflict((oc) => oc.column('seq').doNothing())
      .execute();
  }

  async checkpointAt(seq: number): Promise<AuditCheckpointRow | undefined> {
    return this.db
      .selectFrom('audit_checkpoints')
      .selectAll()
      .where('seq', '=', seq)
      .executeTakeFirst();
  }

  /** Every checkpoint, oldest first. There is one per hundred entries, so they fit in memory. */
  async checkpoints(): Promise<AuditCheckpointRow[]> {
    return this.db.selectFrom('audit_checkpoints').selectAll().orderBy('seq').execute();
  }

  /** Every entry in seq order, read in pages so a long log is never held at once. */
  async *entries(pageSize = 1000): AsyncGenerator<AuditEntryRow> {
    // No lower bound on the first page: a tampered row may carry seq 0 or less.
    let after: number | undefined;
    for (;;) {
      let query = this.db.selectFrom('audit_entries').selectAll();
      if (after !== undefined) query = query.where('seq', '>', after);
      const page = await query.orderBy('seq').limit(pageSize).execute();
      yield* page;
      if (page.length < pageSize) return;
      after = page[page.length - 1]!.seq;
    }
  }

  /** Entries about one subject, newest first, older than `before` when given. */
  async about(subjectRef: string, before: number | undefined, limit: number) {
    let query = this.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('subject_ref', '=', subjectRef);
    if (before !== undefined) query = query.where('seq', '<', before);
    return query.orderBy('seq', 'desc').limit(limit).execute();
  }
}
