import type { Readable } from 'node:stream';
import type { OrgRetentionBody } from '@carillon/protocol/org-data';
import type { Clock } from '../../platform/clock';
import type { AuditLog } from '../../privacy/audit/audit-log';
import type { DataEngines } from '../../privacy/engines/data-engines';
import { membershipIn } from './org-access';
import { recordOrgAction } from './org-audit';
import { authorize } from './organizations.policy';
import type { OrganizationsStore } from './organizations.store';

/** The engines' organization side: what an organization controls, found through the manifests. */
export type OrgDataEngines = Pick<
  DataEngines,
  'exportOrganization' | 'eraseOrganization' | 'organizationHoldings'
>;

/** A table the organization's retention period applies to, and the column it counts from. */
export interface RetentionTarget {
  table: string;
  from: string;
}

const noParents = () => undefined;

/**
 * The organization as controller of its data (ORG-4): its main administrator
 * downloads everything it controls and sets how long it is kept. Every
 * download and change is audited.
 */
export class OrgDataService {
  constructor(
    private readonly store: OrganizationsStore,
    private readonly engines: OrgDataEngines,
    /** From the manifests: organization-controlled tables that say where retention counts from. */
    private readonly targets: RetentionTarget[],
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  private async requireController(userId: string, organizationId: string) {
    const { actor } = await membershipIn(this.store, organizationId, userId);
    authorize(actor, { kind: 'control_data' }, noParents);
  }

  /** A zip of every organization-controlled row of the organization, streamed. */
  async exportData(userId: string, organizationId: string): Promise<Readable> {
    await this.requireController(userId, organizationId);
    const archive = await this.engines.exportOrganization(organizationId);
    await recordOrgAction(this.audit, {
      actor: { kind: 'user', id: userId },
      action: 'organization.data_exported',
      organizationId,
    });
    return archive;
  }

  /** The organization's retention period and the tables it applies to. */
  async retention(userId: string, organizationId: string) {
    await this.requireController(userId, organizationId);
    return this.present(organizationId);
  }

  /** Sets (or clears) the period; the retention job applies it on its next run. */
  async setRetention(userId: string, organizationId: string, body: OrgRetentionBody) {
    await this.requireController(userId, organizationId);
    await this.store.controller.setRetention(organizationId, body.days, this.clock.now());
    await recordOrgAction(this.audit, {
      actor: { kind: 'user', id: userId },
      action: 'organization.retention_set',
      organizationId,
      detail: { days: body.days },
    });
    return this.present(organizationId);
  }

  private async present(organizationId: string) {
    return {
      organizationId,
      days: await this.store.controller.retentionDays(organizationId),
      appliesTo: this.targets,
    };
  }
}
