import type { Certification, CertificationBody } from '@carillon/protocol/organizations';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import type { IdGenerator } from '../../platform/ids';
import type { AuditLog } from '../../privacy/audit/audit-log';
import type { CertificationView } from './certifications.repository';
import { membershipIn, treeOf } from './org-access';
import { recordOrgAction } from './org-audit';
import { authorize } from './organizations.policy';
import type { OrganizationsStore } from './organizations.store';

function present(row: CertificationView): Certification {
  return {
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    status: row.status,
    legalName: row.legal_name,
    registrationNumber: row.registration_number,
    legalRepresentative: row.legal_representative,
    documents: JSON.parse(row.documents) as string[],
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
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async submit(userId: string, organizationId: string, body: CertificationBody) {
    const id = this.ids.next();
    await this.store.transaction(async (tx) => {
      await tx.organizations.lockForChanges(organizationId);
      const { actor } = await membershipIn(tx, organizationId, userId);
      authorize(actor, { kind: 'manage_organization' }, await treeOf(tx, organizationId));
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
        documents: JSON.stringify(body.documents),
        submitted_by: userId,
        submitted_at: this.clock.now(),
        reviewed_by: null,
        reviewed_at: null,
        reason: null,
      });
    });
    await recordOrgAction(this.audit, {
      actor: { kind: 'user', id: userId },
      action: 'organization.certification_submitted',
      organizationId,
      detail: { certificationId: id },
    });
    return this.load(id);
  }

  /** The newest request, for the organization's administrators. */
  async latest(userId: string, organizationId: string): Promise<Certification> {
    const { actor } = await membershipIn(this.store, organizationId, userId);
    authorize(actor, { kind: 'manage_organization' }, await treeOf(this.store, organizationId));
    const row = await this.store.certifications.latestOf(organizationId);
    if (!row) throw notFound('Certification');
    return present(row);
  }

  /** Requests in one state, oldest first, for the operator's review queue. */
  async list(status: Certification['status']): Promise<Certification[]> {
    return (await this.store.certifications.list(status)).map(present);
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
    return present(row);
  }
}
