import type { Certification, CertificationBody } from '@carillon/protocol/organizations';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import type { IdGenerator } from '../../platform/ids';
import type { AuditLog } from '../../privacy/audit/audit-log';
import type { KeptFile, ReadableBlob } from '../files/files.service';
import type { CertificationDocumentRow, CertificationView } from './certifications.repository';
import { membershipIn, treeOf } from './org-access';
import { recordOrgAction } from './org-audit';
import { authorize } from './organizations.policy';
import type { OrganizationsStore } from './organizations.store';

/**
 * What certification needs of the files feature: the submitter's own uploads,
 * and the bytes a request keeps its own reference to.
 */
export interface CertificationFiles {
  ownedFile(ownerId: string, fileId: string): Promise<KeptFile | undefined>;
  keptContent(file: KeptFile): Promise<ReadableBlob>;
}

const keptFile = (row: CertificationDocumentRow): KeptFile => ({
  id: row.file_id,
  hash: row.hash,
  name: row.name,
  mediaType: row.media_type,
  size: row.size,
});

function present(row: CertificationView, documents: CertificationDocumentRow[]): Certification {
  return {
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    status: row.status,
    legalName: row.legal_name,
    registrationNumber: row.registration_number,
    legalRepresentative: row.legal_representative,
    documents: documents.map((d) => d.file_id),
    documentFiles: documents.map((d) => ({
      id: d.file_id,
      name: d.name,
      mediaType: d.media_type,
      size: d.size,
    })),
    submittedAt: row.submitted_at,
    reviewedAt: row.reviewed_at,
    reason: row.reason,
  };
}

/**
 * Certification (ORG-1): the main administrator submits business details and
 * document file ids; a platform operator approves or rejects with a reason.
 */
export class CertificationService {
  constructor(
    private readonly store: OrganizationsStore,
    private readonly files: CertificationFiles,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /**
   * Submits a request. Documents must be the submitter's own uploads (anyone
   * else's, shared or not, is 404 like an unknown id); the request keeps its
   * own reference to their content (ADR 22).
   */
  async submit(userId: string, organizationId: string, body: CertificationBody) {
    // Who may submit, before anything is said about the files; checked again under the lock.
    await this.requireManager(this.store, userId, organizationId);
    const files = await this.ownedFiles(userId, body.documents);
    const id = this.ids.next();
    await this.store.transaction(async (tx) => {
      await tx.organizations.lockForChanges(organizationId);
      await this.requireManager(tx, userId, organizationId);
      const latest = await tx.certifications.latestOf(organizationId);
      if (latest?.status === 'pending')
        throw new AppError('conflict', 'A certification request is already waiting for review.');
      if (latest?.status === 'approved')
        throw new AppError('conflict', 'This organization is certified already.');
      await tx.certifications.insert({
        id,
        organization_id: organizationId,
        status: 'pending',
        legal_name: body.legalName,
        registration_number: body.registrationNumber,
        legal_representative: body.legalRepresentative,
        // Still written for nodes of the previous version, which read it (ADR 22).
        documents: JSON.stringify(body.documents),
        submitted_by: userId,
        submitted_at: this.clock.now(),
        reviewed_by: null,
        reviewed_at: null,
        reason: null,
      });
      await tx.certifications.insertDocuments(
        files.map((file, position) => ({
          certification_id: id,
          file_id: file.id,
          organization_id: organizationId,
          position,
          uploaded_by: userId,
          hash: file.hash,
          name: file.name,
          media_type: file.mediaType,
          size: file.size,
        })),
      );
    });
    await recordOrgAction(this.audit, {
      actor: { kind: 'user', id: userId },
      action: 'organization.certification_submitted',
      organizationId,
      detail: { certificationId: id, documents: files.length },
    });
    return this.load(id);
  }

  /** The newest request, for the organization's administrators. */
  async latest(userId: string, organizationId: string): Promise<Certification> {
    await this.requireManager(this.store, userId, organizationId);
    const row = await this.store.certifications.latestOf(organizationId);
    if (!row) throw notFound('Certification');
    return present(row, await this.store.certifications.documentsOf([row.id]));
  }

  /** Requests in one state, oldest first, for the operator's review queue. */
  async list(status: Certification['status']): Promise<Certification[]> {
    const rows = await this.store.certifications.list(status);
    const documents = new Map<string, CertificationDocumentRow[]>();
    for (const d of await this.store.certifications.documentsOf(rows.map((r) => r.id)))
      documents.set(d.certification_id, [...(documents.get(d.certification_id) ?? []), d]);
    return rows.map((row) => present(row, documents.get(row.id) ?? []));
  }

  /**
   * One document of a request, for the reviewing operator, in any state. Only
   * a file the request lists is found (anything else is 404, as an unknown
   * request is). Business documents can name people, so the read is audited
   * with its purpose, in the uploader's access log, before a byte is sent.
   */
  async document(
    operatorId: string,
    certificationId: string,
    fileId: string,
    purpose: string,
  ): Promise<ReadableBlob> {
    const row = await this.store.certifications.document(certificationId, fileId);
    if (!row) throw notFound('Document');
    const blob = await this.files.keptContent(keptFile(row));
    await recordOrgAction(this.audit, {
      actor: { kind: 'operator', id: operatorId },
      action: 'organization.certification_document_read',
      organizationId: row.organization_id,
      subjectId: row.uploaded_by ?? undefined,
      purpose,
      detail: { certificationId, fileId },
    });
    return blob;
  }

  async approve(operatorId: string, id: string): Promise<Certification> {
    return this.decide(operatorId, id, 'approved', null);
  }

  async reject(operatorId: string, id: string, reason: string): Promise<Certification> {
    return this.decide(operatorId, id, 'rejected', reason);
  }

  private async decide(
    operatorId: string,
    id: string,
    status: 'approved' | 'rejected',
    reason: string | null,
  ): Promise<Certification> {
    const now = this.clock.now();
    const row = await this.store.transaction(async (tx) => {
      const found = await tx.certifications.find(id);
      if (!found) throw notFound('Certification');
      const decided = await tx.certifications.decide(id, {
        status,
        reviewed_by: operatorId,
        reviewed_at: now,
        reason,
      });
      if (!decided) throw new AppError('conflict', 'This request was decided already.');
      if (status === 'approved') await tx.organizations.setCertified(found.organization_id, now);
      return found;
    });
    await recordOrgAction(this.audit, {
      actor: { kind: 'operator', id: operatorId },
      action: `organization.certification_${status}`,
      organizationId: row.organization_id,
      detail: { certificationId: id },
    });
    return this.load(id);
  }

  private async load(id: string): Promise<Certification> {
    const row = await this.store.certifications.find(id);
    if (!row) throw notFound('Certification');
    return present(row, await this.store.certifications.documentsOf([id]));
  }

  /** Only those who manage the organization (its main administrator) handle certification. */
  private async requireManager(
    store: OrganizationsStore,
    userId: string,
    organizationId: string,
  ): Promise<void> {
    const { actor } = await membershipIn(store, organizationId, userId);
    authorize(actor, { kind: 'manage_organization' }, await treeOf(store, organizationId));
  }

  /** The submitter's own files, in the order given; 404 for any other id. */
  private async ownedFiles(userId: string, fileIds: string[]): Promise<KeptFile[]> {
    const files: KeptFile[] = [];
    for (const fileId of fileIds) {
      const file = await this.files.ownedFile(userId, fileId);
      if (!file) throw notFound('File');
      files.push(file);
    }
    return files;
  }
}
