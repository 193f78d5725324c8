import type { OrgAppId } from '../../platform/organization-hooks';
import type { Clock } from '../../platform/clock';
import type { AuditLog } from '../../privacy/audit/audit-log';
import { appCatalogue, type OrgAppsRepository } from './org-apps';
import { membershipIn, treeOf } from './org-access';
import { recordOrgAction } from './org-audit';
import { authorize } from './organizations.policy';
import type { OrganizationsStore } from './organizations.store';

/** App management (ORG-7): the catalogue with each function's state, and the switch. */
export class OrgAppsService {
  constructor(
    private readonly store: OrganizationsStore,
    private readonly apps: OrgAppsRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** Every member may see what is on, so clients can hide what is off. */
  async list(userId: string, organizationId: string) {
    await membershipIn(this.store, organizationId, userId);
    const disabled = await this.apps.disabled(organizationId);
    return appCatalogue.map((a) => ({
      id: a.id,
      name: a.name,
      description: a.what,
      enabled: !disabled.has(a.id),
    }));
  }

  /** Turns a function on or off (the main administrator). */
  async set(userId: string, organizationId: string, app: OrgAppId, enabled: boolean) {
    const { actor } = await membershipIn(this.store, organizationId, userId);
    authorize(actor, { kind: 'manage_organization' }, await treeOf(this.store, organizationId));
    await this.apps.set(organizationId, app, enabled, this.clock.now());
    await recordOrgAction(this.audit, {
      actor: { kind: 'user', id: userId },
      action: enabled ? 'organization.app_enabled' : 'organization.app_disabled',
      organizationId,
      detail: { app },
    });
    return (await this.list(userId, organizationId)).find((a) => a.id === app)!;
  }
}
