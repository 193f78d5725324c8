import type {
  AdminScope,
  CreateOrganizationBody,
  Organization,
} from '@carillon/protocol/organizations';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import type { IdGenerator } from '../../platform/ids';
import type { AuditLog } from '../../privacy/audit/audit-log';
import { newMemberRow } from './member-row';
import { membershipIn, treeOf } from './org-access';
import { recordOrgAction } from './org-audit';
import { authorize } from './organizations.policy';
import type { OrganizationRow } from './organizations.repository';
import { DEFAULT_SECURITY_LOG_DAYS } from './security-log';
import type { OrganizationsStore } from './organizations.store';

function present(
  row: OrganizationRow,
  myRole: Organization['myRole'],
  memberCount: number,
): Organization {
  return {
    id: row.id,
    name: row.name,
    location: row.location,
    industry: row.industry,
    staffSize: row.staff_size as Organization['staffSize'],
    certified: row.certified_at !== null,
    certifiedAt: row.certified_at,
    memberCount,
    myRole,
    createdAt: row.created_at,
  };
}

/**
 * Organizations and their administrators (ORG-1, ORG-2): creating one, the
 * caller's list to switch between, sub-administrator roles and handing over
 * the main administrator, of whom there is always exactly one.
 */
export class OrganizationsService {
  constructor(
    private readonly store: OrganizationsStore,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async create(userId: string, body: CreateOrganizationBody): Promise<Organization> {
    const now = this.clock.now();
    const row: OrganizationRow = {
      id: this.ids.next(),
      name: body.name,
      location: body.location ?? null,
      industry: body.industry ?? null,
      staff_size: body.staffSize ?? null,
      certified_at: null,
      tree_version: 0,
      created_at: now,
      // Given out on first use (enterprise-accounts.repository.ts).
      code: null,
      security_log_days: DEFAULT_SECURITY_LOG_DAYS,
    };
    await this.store.transaction(async (tx) => {
      const name = (await tx.organizations.nicknameOf(userId)) ?? '';
      await tx.organizations.insert(row);
      await tx.organizations.insertMember(newMemberRow(row.id, userId, name, 'main_admin', now));
      await tx.chats.organizationCreated(row.id, row.name, userId);
    });
    await this.record(userId, 'organization.created', row.id);
    return present(row, 'main_admin', 1);
  }

  /** The caller's organizations, in the order they joined them. */
  async listMine(userId: string): Promise<Organization[]> {
    const rows = await this.store.organizations.listFor(userId);
    return rows.map((row) => present(row, row.role, Number(row.member_count)));
  }

  async get(userId: string, organizationId: string): Promise<Organization> {
    const { member } = await membershipIn(this.store, organizationId, userId);
    const row = await this.store.organizations.find(organizationId);
    if (!row) throw notFound('Organization');
    return present(row, member.role, await this.store.organizations.countMembers(organizationId));
  }

  /** Makes a member a sub-administrator with a scope, or a plain member again. */
  async setRole(
    userId: string,
    organizationId: string,
    targetId: string,
    change: { role: 'sub_admin'; scope: AdminScope } | { role: 'member' },
  ): Promise<void> {
    await this.store.transaction(async (tx) => {
      // Serialized with transfers: a demotion must not land on a just-appointed main admin.
      await tx.organizations.lockForChanges(organizationId);
      const { actor } = await membershipIn(tx, organizationId, userId);
      const tree = await treeOf(tx, organizationId);
      authorize(actor, { kind: 'manage_organization' }, tree);
      const target = await tx.organizations.findMember(organizationId, targetId);
      if (!target) throw notFound('Member');
      if (target.role === 'main_admin')
        throw new AppError('conflict', 'Transfer the main administrator role instead.');
      const scope = change.role === 'sub_admin' ? change.scope : null;
      if (scope?.departmentId && !tree.has(scope.departmentId)) throw notFound('Department');
      await tx.organizations.updateMember(organizationId, targetId, {
        role: change.role,
        admin_scope: scope ? JSON.stringify(scope) : null,
      });
    });
    await this.record(userId, 'organization.role_changed', organizationId, targetId, {
      role: change.role,
    });
  }

  /** Hands the main administrator role to another member; the caller becomes a member. */
  async transferMainAdmin(userId: string, organizationId: string, targetId: string) {
    await this.store.transaction(async (tx) => {
      // The lock makes two simultaneous transfers run one after the other.
      await tx.organizations.lockForChanges(organizationId);
      const { actor } = await membershipIn(tx, organizationId, userId);
      authorize(actor, { kind: 'manage_organization' }, await treeOf(tx, organizationId));
      if (targetId === userId) throw new AppError('conflict', 'You are the main administrator.');
      const target = await tx.organizations.findMember(organizationId, targetId);
      if (!target) throw notFound('Member');
      await tx.organizations.updateMember(organizationId, userId, {
        role: 'member',
        admin_scope: null,
      });
      await tx.organizations.updateMember(organizationId, targetId, {
        role: 'main_admin',
        admin_scope: null,
      });
      if ((await tx.organizations.countByRole(organizationId, 'main_admin')) !== 1)
        throw new AppError('conflict', 'An organization has exactly one main administrator.');
    });
    await this.record(userId, 'organization.main_admin_transferred', organizationId, targetId);
  }

  private record(
    userId: string,
    action: string,
    organizationId: string,
    subjectId?: string,
    detail?: Record<string, string>,
  ) {
    return recordOrgAction(this.audit, {
      actor: { kind: 'user', id: userId },
      action,
      organizationId,
      subjectId,
      ...(detail ? { detail } : {}),
    });
  }
}
