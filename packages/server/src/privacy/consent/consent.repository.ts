import type { Kysely } from 'kysely';
import type { ConsentRecordsTable, Database } from '../../platform/db/schema';

/** One line of the consent ledger as the domain sees it. */
export interface ConsentEntry {
  id: string;
  subjectId: string;
  purpose: string;
  action: ConsentRecordsTable['action'];
  method: ConsentRecordsTable['method'];
  policyVersion: number;
  edition: string;
  recordedAt: number;
}

const toEntry = (row: ConsentRecordsTable): ConsentEntry => ({
  id: row.id,
  subjectId: row.subject_id,
  purpose: row.purpose,
  action: row.action,
  method: row.method,
  policyVersion: row.policy_version,
  edition: row.edition,
  recordedAt: row.recorded_at,
});

/**
 * The append-only consent ledger (PRIV-2). There is deliberately no update
 * and no delete here: a withdrawal is a new row, and only erasing the subject
 * (through the manifest) removes rows.
 */
export class ConsentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async append(entry: ConsentEntry): Promise<void> {
    await this.db
      .insertInto('consent_records')
      .values({
        id: entry.id,
        subject_id: entry.subjectId,
        purpose: entry.purpose,
        action: entry.action,
        method: entry.method,
        policy_version: entry.policyVersion,
        edition: entry.edition,
        recorded_at: entry.recordedAt,
      })
      .execute();
  }

  /** Every record of a subject, newest first. */
  async history(subjectId: string): Promise<ConsentEntry[]> {
    const rows = await this.db
      .selectFrom('consent_records')
      .selectAll()
      .where('subject_id', '=', subjectId)
      .orderBy('recorded_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toEntry);
  }

  /** The newest record per purpose, for the purposes given. */
  async latest(subjectId: string, purposes: string[]): Promise<Map<string, ConsentEntry>> {
    const latest = new Map<string, ConsentEntry>();
    if (purposes.length === 0) return latest;
    const rows = await this.db
      .selectFrom('consent_records')
      .selectAll()
      .where('subject_id', '=', subjectId)
      .where('purpose', 'in', purposes)
      .orderBy('recorded_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
    for (const row of rows) latest.set(row.purpose, toEntry(row));
    return latest;
  }

  /** The highest policy version the subject accepted (purpose `policy`), if any. */
  async acceptedVersion(subjectId: string, policyPurpose: string): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('consent_records')
      .select((eb) => eb.fn.max('policy_version').as('version'))
      .where('subject_id', '=', subjectId)
      .where('purpose', '=', policyPurpose)
      .where('action', '=', 'granted')
      .executeTakeFirst();
    return row?.version === null || row?.version === undefined ? undefined : Number(row.version);
  }

  async find(id: string): Promise<ConsentEntry | undefined> {
    const row = await this.db
      .selectFrom('consent_records')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toEntry(row);
  }
}
