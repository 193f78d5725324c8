import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema';

/**
 * Tables of jobs that run once something is due and are claimed with a
 * lease: each has `erase_after`, `withdrawn_at`, `started_at`, `lease_until`,
 * `attempts` and `completed_at` besides its key.
 */
export type LeasedTable = 'account_erasures' | 'organization_dissolutions';

type Key<T extends LeasedTable> = T extends 'account_erasures' ? 'request_id' : 'organization_id';

/**
 * The lease mechanism account erasures and organization dissolutions share:
 * due jobs nobody holds, and a claim only one worker on one node wins. A
 * worker that dies holding a job loses it when the lease runs out.
 */
export class LeasedJobs<T extends LeasedTable> {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly table: T,
    private readonly key: Key<T>,
  ) {}

  /** One typed view of whichever table this is: the lease columns exist in every one. */
  private get loose() {
    return this.db as unknown as Kysely<{ jobs: Database['account_erasures'] }>;
  }

  /** Jobs that are due, not withdrawn, not completed and not held, oldest first. */
  async due(now: number, limit: number): Promise<Database[T][]> {
    const rows = await this.loose
      .selectFrom(this.table as unknown as 'jobs')
      .selectAll()
      .where('erase_after', '<=', now)
      .where('withdrawn_at', 'is', null)
      .where('completed_at', 'is', null)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
      .orderBy('erase_after', 'asc')
      .limit(limit)
      .execute();
    return rows as unknown as Database[T][];
  }

  /** Takes a due job for `leaseMs`; true for the one caller that wins it. */
  async claim(id: string, now: number, leaseMs: number): Promise<boolean> {
    const result = await this.loose
      .updateTable(this.table as unknown as 'jobs')
      .set((eb) => ({
        lease_until: now + leaseMs,
        attempts: eb('attempts', '+', 1),
        started_at: eb.fn.coalesce('started_at', eb.val(now)),
      }))
      .where(this.key as 'request_id', '=', id)
      .where('withdrawn_at', 'is', null)
      .where('completed_at', 'is', null)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
