import type { Kysely } from 'kysely';
import type { AccountErasuresTable, Database } from '../../platform/db/schema';
import { LeasedJobs } from './leased-jobs';

/** One account-erasure job as stored. */
export type ErasureJobRow = AccountErasuresTable;

/** Persisted account-erasure jobs: they outlive restarts and are shared by every node. */
export class ErasuresRepository {
  private readonly leases: LeasedJobs<'account_erasures'>;

  constructor(private readonly db: Kysely<Database>) {
    this.leases = new LeasedJobs(db, 'account_erasures', 'request_id');
  }

  async insert(row: ErasureJobRow): Promise<void> {
    await this.db.insertInto('account_erasures').values(row).execute();
  }

  async findByRequest(requestId: string): Promise<ErasureJobRow | undefined> {
    return this.db
      .selectFrom('account_erasures')
      .selectAll()
      .where('request_id', '=', requestId)
      .executeTakeFirst();
  }

  /** The user's job that is neither withdrawn nor completed, if any. */
  async findActive(userId: string): Promise<ErasureJobRow | undefined> {
    return this.db
      .selectFrom('account_erasures')
      .selectAll()
      .where('user_id', '=', userId)
      .where('withdrawn_at', 'is', null)
      .where('completed_at', 'is', null)
      .executeTakeFirst();
  }

  /** Withdraws a job whose cooling-off period is still running; false when it is too late. */
  async withdraw(requestId: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('account_erasures')
      .set({ withdrawn_at: at })
      .where('request_id', '=', requestId)
      .where('withdrawn_at', 'is', null)
      .where('started_at', 'is', null)
      .where('erase_after', '>', at)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Jobs whose cooling-off is over and that nobody holds, oldest first. */
  async due(now: number, limit: number): Promise<ErasureJobRow[]> {
    return this.leases.due(now, limit);
  }

  /**
   * Takes a due job for `leaseMs`; only one worker on one node wins. A worker
   * that dies holding it loses it when the lease runs out.
   */
  async claim(requestId: string, now: number, leaseMs: number): Promise<boolean> {
    return this.leases.claim(requestId, now, leaseMs);
  }

  /** Marks the job done and forgets whose it was. */
  async complete(requestId: string, at: number): Promise<void> {
    await this.db
      .updateTable('account_erasures')
      .set({ completed_at: at, lease_until: null, user_id: null })
      .where('request_id', '=', requestId)
      .execute();
  }
}
