import type { Kysely } from 'kysely';
import type { Database, OrganizationCertificationsTable } from '../../platform/db/schema';

export type CertificationRow = OrganizationCertificationsTable;
export type CertificationView = CertificationRow & { organization_name: string };

/** Certification requests and their review. */
export class CertificationsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private withName() {
    return this.db
      .selectFrom('organization_certifications as c')
      .innerJoin('organizations as o', 'o.id', 'c.organization_id')
      .selectAll('c')
      .select('o.name as organization_name');
  }

  async insert(row: CertificationRow): Promise<void> {
    await this.db.insertInto('organization_certifications').values(row).execute();
  }

  async find(id: string): Promise<CertificationView | undefined> {
    return this.withName().where('c.id', '=', id).executeTakeFirst();
  }

  /** The newest request of an organization. */
  async latestOf(organizationId: string): Promise<CertificationView | undefined> {
    return this.withName()
      .where('c.organization_id', '=', organizationId)
      .orderBy('c.submitted_at', 'desc')
      .orderBy('c.id', 'desc')
      .executeTakeFirst();
  }

  async list(status: CertificationRow['status']): Promise<CertificationView[]> {
    return this.withName().where('c.status', '=', status).orderBy('c.submitted_at').execute();
  }

  /** Records a decision on a pending request; false when it was decided already. */
  async decide(
    id: string,
    decision: Pick<CertificationRow, 'status' | 'reviewed_by' | 'reviewed_at' | 'reason'>,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('organization_certifications')
      .set(decision)
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
