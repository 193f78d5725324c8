import type { Kysely } from 'kysely';
import type { Database, GuardianConsentsTable } from '../../platform/db/schema';

/** A guardian request as stored. */
export type GuardianConsentRow = GuardianConsentsTable;

/** Minors' requests for a guardian's consent (PRIV-10). */
export class GuardianRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: GuardianConsentRow): Promise<void> {
    await this.db.insertInto('guardian_consents').values(row).execute();
  }

  async find(id: string): Promise<GuardianConsentRow | undefined> {
    return this.db
      .selectFrom('guardian_consents')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async findByMinor(minorId: string): Promise<GuardianConsentRow | undefined> {
    return this.db
      .selectFrom('guardian_consents')
      .selectAll()
      .where('minor_id', '=', minorId)
      .executeTakeFirst();
  }

  /** Records the approval unless someone approved first; false when already approved. */
  async approve(id: string, guardianId: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('guardian_consents')
      .set({ guardian_id: guardianId, approved_at: at })
      .where('id', '=', id)
      .where('approved_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
