import type { Kysely } from 'kysely';
import type {
  Database,
  OrganizationCertificationDocumentsTable,
  OrganizationCertificationsTable,
} from '../../platform/db/schema';

export type CertificationRow = OrganizationCertificationsTable;
export type CertificationView = CertificationRow & { organization_name: string };
export type CertificationDocumentRow = OrganizationCertificationDocumentsTable;

/** Certification requests, their documents and their review. */
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

  async insertDocuments(rows: CertificationDocumentRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.insertInto('organization_certification_documents').values(rows).execute();
  }

  /** The documents of these requests, each request's in the order they were attached. */
  async documentsOf(certificationIds: string[]): Promise<CertificationDocumentRow[]> {
    const rows: CertificationDocumentRow[] = [];
    // In slices: a long review queue must not exceed the dialects' limits on bound values.
    for (let start = 0; start < certificationIds.length; start += 500) {
      const found = await this.db
        .selectFrom('organization_certification_documents')
        .selectAll()
        .where('certification_id', 'in', certificationIds.slice(start, start + 500))
        .orderBy('certification_id')
        .orderBy('position')
        .execute();
      // PostgreSQL returns bigint as a string.
      rows.push(...found.map((row) => ({ ...row, size: Number(row.size) })));
    }
    return rows;
  }

  /** One document of one request; undefined when the request does not list that file. */
  async document(
    certificationId: string,
    fileId: string,
  ): Promise<CertificationDocumentRow | undefined> {
    const row = await this.db
      .selectFrom('organization_certification_documents')
      .selectAll()
      .where('certification_id', '=', certificationId)
      .where('file_id', '=', fileId)
      .executeTakeFirst();
    return row && { ...row, size: Number(row.size) };
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
