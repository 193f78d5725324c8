import type { Kysely } from 'kysely';
import type { Database, VerificationCodesTable } from '../../platform/db/schema';

export type CodeRow = VerificationCodesTable;

/** Storage of hashed one-time codes. */
export class CodesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: CodeRow): Promise<void> {
    await this.db.insertInto('verification_codes').values(row).execute();
  }

  /** The newest code sent to a destination for a purpose, consumed or not. */
  async latest(destination: string, purpose: string): Promise<CodeRow | undefined> {
    return this.db
      .selectFrom('verification_codes')
      .selectAll()
      .where('destination', '=', destination)
      .where('purpose', '=', purpose)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
  }

  async countSince(
    by: { destination: string } | { requesterIp: string },
    since: number,
  ): Promise<number> {
    const query = this.db
      .selectFrom('verification_codes')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('created_at', '>=', since);
    const row = await (
      'destination' in by
        ? query.where('destination', '=', by.destination)
        : query.where('requester_ip', '=', by.requesterIp)
    ).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('verification_codes').where('id', '=', id).execute();
  }

  async recordFailedAttempt(id: string): Promise<void> {
    await this.db
      .updateTable('verification_codes')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }

  /** Marks a code used; false when another request used it first. */
  async consume(id: string, at: number, db: Kysely<Database> = this.db): Promise<boolean> {
    const result = await db
      .updateTable('verification_codes')
      .set({ consumed_at: at })
      .where('id', '=', id)
      .where('consumed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
