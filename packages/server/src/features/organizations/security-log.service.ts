import type { SecurityLogKind } from '@carillon/protocol/org-admin';
import type { AuditLog } from '../../privacy/audit/audit-log';
import { membershipIn, treeOf } from './org-access';
import { recordOrgAction } from './org-audit';
import { authorize, can, type OrgActor } from './organizations.policy';
import type { OrganizationsStore } from './organizations.store';
import type { SecurityLogRepository } from './security-log.repository';

/** What an administrator asks of the security log. */
export interface SecurityLogRequest {
  purpose: string;
  memberId?: string | undefined;
  kind?: SecurityLogKind | undefined;
  before?: string | undefined;
  limit: number;
}

/**
 * The security log as administrators read it (ORG-9), and how long it is
 * kept. Entries are personal data of the members they are about: every
 * read states a purpose and is audited once per member shown, so each of
 * them sees it in their access log.
 */
export class SecurityLogService {
  constructor(
    private readonly store: OrganizationsStore,
    private readonly log: SecurityLogRepository,
    private readonly audit: AuditLog,
  ) {}

  async page(userId: string, organizationId: string, request: SecurityLogRequest) {
    const { actor } = await membershipIn(this.store, organizationId, userId);
    await this.authorizeRead(actor, organizationId, request.memberId);
    const rows = await this.log.page(organizationId, request);
    const shown = rows.slice(0, request.limit);
    for (const subjectId of new Set(shown.map((r) => r.user_id)))
      await recordOrgAction(this.audit, {
        actor: { kind: 'user', id: userId },
        action: 'organization.security_log_viewed',
        organizationId,
        subjectId,
        purpose: request.purpose,
      });
    return {
      entries: shown.map((r) => ({
        id: r.id,
        userId: r.user_id,
        kind: r.kind,
        detail: JSON.parse(r.detail) as Record<string, string>,
        createdAt: Number(r.created_at),
      })),
      nextBefore: rows.length > request.limit ? shown[shown.length - 1]!.id : null,
    };
  }

  async settings(userId: string, organizationId: string) {
    const { actor } = await membershipIn(this.store, organizationId, userId);
    authorize(actor, { kind: 'oversee_members' }, await treeOf(this.store, organizationId));
    return { securityLogDays: await this.log.retentionDays(organizationId) };
  }

  /** Sets how long the log is kept; the retention job deletes older entries (main administrator). */
  async updateSettings(userId: string, organizationId: string, securityLogDays: number) {
    const { actor } = await membershipIn(this.store, organizationId, userId);
    authorize(actor, { kind: 'manage_organization' }, await treeOf(this.store, organizationId));
    await this.log.setRetentionDays(organizationId, securityLogDays);
    await recordOrgAction(this.audit, {
      actor: { kind: 'user', id: userId },
      action: 'organization.security_settings_changed',
      organizationId,
      detail: { securityLogDays },
    });
    return { securityLogDays };
  }

  /**
   * Administrators over all members read everything; one scoped to a
   * subtree reads the entries of a member they manage, asked for by id.
   */
  private async authorizeRead(actor: OrgActor, organizationId: string, memberId?: string) {
    const tree = await treeOf(this.store, organizationId);
    if (can(actor, { kind: 'oversee_members' }, tree) || !memberId)
      return authorize(actor, { kind: 'oversee_members' }, tree);
    const target = await this.store.organizations.findMember(organizationId, memberId);
    const departments = await this.store.organizations.departmentsOf(organizationId, [memberId]);
    authorize(
      actor,
      {
        kind: 'manage_member',
        targetRole: target?.role ?? 'member',
        targetDepartmentIds: target ? departments.get(memberId)! : [],
        changedDepartmentIds: [],
      },
      tree,
    );
  }
}
