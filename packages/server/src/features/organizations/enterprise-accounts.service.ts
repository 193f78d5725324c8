import type { CreateEnterpriseAccountBody, EnterpriseAccount } from '@carillon/protocol/org-admin';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import type { IdGenerator } from '../../platform/ids';
import type { AuditLog } from '../../privacy/audit/audit-log';
import { checkPasswordStrength, hashPassword } from '../accounts/passwords';
import type { AccountEraser, PasswordCheck } from './dissolution.service';
import type { EnterpriseAccountsRepository } from './enterprise-accounts.repository';
import { newMemberRow } from './member-row';
import { membershipIn, treeOf } from './org-access';
import { recordOrgAction } from './org-audit';
import { authorize, type OrgActor } from './organizations.policy';
import type { OrganizationsStore } from './organizations.store';

/** What enterprise accounts need from outside the feature. */
export interface EnterpriseAccountsDependencies {
  store: OrganizationsStore;
  accounts: EnterpriseAccountsRepository;
  audit: AuditLog;
  clock: Clock;
  ids: IdGenerator;
  /**
   * Ends every session of a user and cuts their open WebSocket connections
   * on every node at once (through the bus), not at the next heartbeat.
   */
  endSessions: (userId: string) => Promise<void>;
  /** Erases the account as a cancellation would (the rights core's erasure). */
  eraseAccount: AccountEraser;
  /** Whether a password is the caller's, to confirm a deletion. */
  checkPassword: PasswordCheck;
}

type AccountRow = NonNullable<Awaited<ReturnType<EnterpriseAccountsRepository['find']>>>;

const present = (row: AccountRow): EnterpriseAccount => ({
  userId: row.user_id,
  organizationId: row.organization_id,
  accountName: row.account_name,
  name: row.member_name ?? row.nickname,
  createdAt: Number(row.created_at),
  disabledAt: row.disabled_at === null ? null : Number(row.disabled_at),
});

/**
 * Enterprise accounts (ORG-3): accounts an organization creates for its
 * members, signed in to with the organization code, an account name and a
 * password. The organization owns them: its administrators reset their
 * passwords, disable and re-enable them; each of these is audited.
 */
export class EnterpriseAccountsService {
  constructor(private readonly deps: EnterpriseAccountsDependencies) {}

  /** The code members type to sign in; shown to administrators who manage members. */
  async code(userId: string, organizationId: string): Promise<{ code: string }> {
    const { actor } = await membershipIn(this.deps.store, organizationId, userId);
    authorize(actor, { kind: 'oversee_members' }, await treeOf(this.deps.store, organizationId));
    return { code: await this.deps.accounts.codeOf(organizationId) };
  }

  /** Creates an account for a member, placed in the given departments (ORG-3). */
  async create(
    userId: string,
    organizationId: string,
    body: CreateEnterpriseAccountBody,
  ): Promise<EnterpriseAccount> {
    const { store, accounts, clock, ids } = this.deps;
    const { actor } = await membershipIn(store, organizationId, userId);
    const tree = await treeOf(store, organizationId);
    const departmentIds = [...new Set(body.departmentIds)];
    for (const id of departmentIds) if (!tree.has(id)) throw notFound('Department');
    authorize(
      actor,
      {
        kind: 'manage_member',
        targetRole: 'member',
        targetDepartmentIds: departmentIds,
        changedDepartmentIds: departmentIds,
      },
      tree,
    );
    const code = await accounts.codeOf(organizationId);
    checkPasswordStrength(body.password, [body.accountName, code]);
    const now = clock.now();
    const id = ids.next();
    await accounts.create({
      user: {
        id,
        phone: null,
        email: null,
        password_hash: await hashPassword(body.password),
        created_at: now,
        password_changed_at: now,
        frozen_at: null,
      },
      nickname: body.name,
      account: {
        user_id: id,
        organization_id: organizationId,
        account_name: body.accountName,
        account_key: body.accountName.toLowerCase(),
        created_at: now,
        disabled_at: null,
      },
      member: newMemberRow(organizationId, id, body.name, 'member', now),
      departmentIds,
    });
    // Into the all-staff group and the placed departments' groups, as every newcomer (ADR 12).
    await store.transaction(async (tx) => {
      await tx.chats.memberJoined(organizationId, id);
      if (departmentIds.length > 0)
        await tx.chats.departmentsChanged(organizationId, id, [], departmentIds);
    });
    await this.record(actor, 'organization.enterprise_account_created', organizationId, id);
    return present((await accounts.find(organizationId, id))!);
  }

  /** Every enterprise account of the organization. */
  async list(userId: string, organizationId: string): Promise<EnterpriseAccount[]> {
    const { actor } = await membershipIn(this.deps.store, organizationId, userId);
    authorize(actor, { kind: 'oversee_members' }, await treeOf(this.deps.store, organizationId));
    return (await this.deps.accounts.list(organizationId)).map(present);
  }

  /**
   * The account with its signed-in devices: the member's personal data, so
   * the administrator states why, and the read is audited for the member to see.
   */
  async detail(userId: string, organizationId: string, targetId: string, purpose: string) {
    const { actor, account } = await this.manageable(userId, organizationId, targetId);
    const sessions = await this.deps.accounts.sessions(targetId, this.deps.clock.now());
    await this.record(actor, 'organization.enterprise_account_viewed', organizationId, targetId, {
      purpose,
    });
    return {
      ...present(account),
      sessions: sessions.map((s) => ({
        device: { name: s.device_name, platform: s.device_platform },
        createdAt: Number(s.created_at),
        lastSeenAt: Number(s.last_seen_at),
        ipRegion: s.ip_region,
      })),
    };
  }

  /**
   * Sets a new password and ends every session, since the old one may be
   * known. It also lifts a freeze the holder put on (ADR 13): an enterprise
   * account has no phone or e-mail for an unfreezing code.
   */
  async resetPassword(userId: string, organizationId: string, targetId: string, password: string) {
    const { actor, account } = await this.manageable(userId, organizationId, targetId);
    const code = await this.deps.accounts.codeOf(organizationId);
    checkPasswordStrength(password, [account.account_name, code]);
    const wasFrozen = await this.deps.accounts.replacePassword(
      targetId,
      await hashPassword(password),
      this.deps.clock.now(),
    );
    await this.deps.endSessions(targetId);
    await this.record(actor, 'organization.enterprise_password_reset', organizationId, targetId);
    if (wasFrozen)
      await this.record(
        actor,
        'organization.enterprise_account_unfrozen',
        organizationId,
        targetId,
      );
  }

  /** Disables (sign-in refused, every session and socket ended at once) or re-enables. */
  async setDisabled(userId: string, organizationId: string, targetId: string, disabled: boolean) {
    const { actor, account } = await this.manageable(userId, organizationId, targetId);
    if (disabled) {
      if (account.disabled_at === null)
        await this.deps.accounts.setDisabled(targetId, this.deps.clock.now());
      // Also when disabled already: a session must never outlive a disabled account.
      await this.deps.endSessions(targetId);
    } else await this.deps.accounts.setDisabled(targetId, null);
    const action = disabled
      ? 'organization.enterprise_account_disabled'
      : 'organization.enterprise_account_enabled';
    await this.record(actor, action, organizationId, targetId);
    return present((await this.deps.accounts.find(organizationId, targetId))!);
  }

  /**
   * Deletes an enterprise account for good, confirmed with the caller's
   * password: its sessions and sockets end and everything about it is erased,
   * as a cancellation would erase it. The account and its data are the
   * organization's (ORG-3), so this is the organization's decision; its
   * holder cannot cancel it themselves. Audited before it goes.
   */
  async erase(userId: string, organizationId: string, targetId: string, password: string) {
    const { actor } = await this.manageable(userId, organizationId, targetId);
    if (!(await this.deps.checkPassword(userId, password)))
      throw new AppError('invalid_credentials', 'The password is wrong.');
    await this.record(actor, 'organization.enterprise_account_deleted', organizationId, targetId);
    await this.deps.endSessions(targetId);
    await this.deps.eraseAccount(targetId, organizationId, 'deleted_by_organization');
  }

  /**
   * The organization's enterprise account `targetId`, if the caller may
   * manage that member: a sub-administrator only inside their subtree.
   */
  private async manageable(userId: string, organizationId: string, targetId: string) {
    const { store, accounts } = this.deps;
    const { actor } = await membershipIn(store, organizationId, userId);
    const account = await accounts.find(organizationId, targetId);
    if (!account) throw notFound('Enterprise account');
    const member = await store.organizations.findMember(organizationId, targetId);
    const departments = await store.organizations.departmentsOf(organizationId, [targetId]);
    authorize(
      actor,
      {
        kind: 'manage_member',
        targetRole: member?.role ?? 'member',
        targetDepartmentIds: departments.get(targetId) ?? [],
        changedDepartmentIds: [],
      },
      await treeOf(store, organizationId),
    );
    return { actor, account };
  }

  private record(
    actor: OrgActor,
    action: string,
    organizationId: string,
    subjectId: string,
    extra: { purpose?: string } = {},
  ) {
    return recordOrgAction(this.deps.audit, {
      actor: { kind: 'user', id: actor.userId },
      action,
      organizationId,
      subjectId,
      ...extra,
    });
  }
}
