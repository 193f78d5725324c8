import type { RightsRequestStatus } from '@carillon/protocol/rights';
import type { Kysely } from 'kysely';
import type { Database, RightsRequestsTable } from '../../platform/db/schema';

/** One data-rights request as stored; `details` is sealed. */
export type RightsRequestRow = RightsRequestsTable;

/** Columns a status change may set besides the status itself. */
export type RequestChanges = Partial<
  Pick<
    RightsRequestRow,
    | 'open_kind'
    | 'verified_at'
    | 'started_at'
    | 'closed_at'
    | 'awaiting_operator_at'
    | 'answer'
    | 'refusal_reason'
  >
>;

/** Unique-constraint violations, as SQLite and PostgreSQL report them. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Data-rights requests. */
export class RightsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: RightsRequestRow): Promise<void> {
    await this.db.insertInto('rights_requests').values(row).execute();
  }

  async find(id: string): Promise<RightsRequestRow | undefined> {
    return this.db
      .selectFrom('rights_requests')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** A user's requests, newest first. */
  async listForUser(userId: string, limit = 200): Promise<RightsRequestRow[]> {
    return this.db
      .selectFrom('rights_requests')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  /** The user's request of this kind that is being fulfilled, if any. */
  async findBeingFulfilled(userId: string, kind: string): Promise<RightsRequestRow | undefined> {
    return this.db
      .selectFrom('rights_requests')
      .selectAll()
      .where('user_id', '=', userId)
      .where('open_kind', '=', kind)
      .executeTakeFirst();
  }

  /**
   * Moves a request to `to` only if it is still in one of `from`, so two
   * callers racing (two operators, two nodes) cannot both move it. Returns
   * `moved`, `stale` when its status changed meanwhile, or `duplicate` when
   * claiming `open_kind` collides with another request of the same kind.
   */
  async move(
    id: string,
    from: RightsRequestStatus[],
    to: RightsRequestStatus,
    changes: RequestChanges,
  ): Promise<'moved' | 'stale' | 'duplicate'> {
    try {
      const result = await this.db
        .updateTable('rights_requests')
        .set({ status: to, ...changes })
        .where('id', '=', id)
        .where('status', 'in', from)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1 ? 'moved' : 'stale';
    } catch (error) {
      if (isUniqueViolation(error)) return 'duplicate';
      throw error;
    }
  }

  /** Changes columns of a request without changing its status (an interim answer). */
  async annotate(id: string, changes: RequestChanges): Promise<void> {
    await this.db.updateTable('rights_requests').set(changes).where('id', '=', id).execute();
  }

  /** Requests waiting for a person, earliest deadline (so every overdue one) first. */
  async operatorQueue(limit = 500): Promise<RightsRequestRow[]> {
    return this.db
      .selectFrom('rights_requests')
      .selectAll()
      .where('status', '=', 'in_progress')
      .where('awaiting_operator_at', 'is not', null)
      .orderBy('deadline_at', 'asc')
      .orderBy('created_at', 'asc')
      .limit(limit)
      .execute();
  }

  /** Open requests of a user other than `except`, e.g. to close them when the account goes. */
  async listOpenForUser(userId: string, except: string): Promise<RightsRequestRow[]> {
    return this.db
      .selectFrom('rights_requests')
      .selectAll()
      .where('user_id', '=', userId)
      .where('status', 'in', ['submitted', 'verified', 'in_progress'])
      .where('id', '!=', except)
      .execute();
  }
}
