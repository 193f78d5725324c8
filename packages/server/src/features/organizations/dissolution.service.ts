import type { Dissolution } from '@carillon/protocol/org-data';
import type { EventType } from '@carillon/protocol/messaging';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import type { AuditLog } from '../../privacy/audit/audit-log';
import type { DissolutionRow } from './org-controller.repository';
import { membershipIn } from './org-access';
import { recordOrgAction } from './org-audit';
import type { OrgDataEngines } from './org-data.service';
import type { OrgRightsService } from './org-rights.service';
import { authorize } from './organizations.policy';
import type { OrganizationsStore } from './organizations.store';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A worker holds a dissolution this long; if it dies, another node takes it over afterwards. */
export const DISSOLUTION_LEASE_MS = 5 * 60_000;
const noParents = () => undefined;

/** Checks a person's account password (the accounts feature provides it). */
export type PasswordCheck = (userId: string, password: string) => Promise<boolean>;

/** Writes an event to people's event streams and publishes it (the messaging event log). */
export type MemberNotice = (
  userIds: string[],
  type: EventType,
  payload: Record<string, unknown>,
) => Promise<void>;

/**
 * Erases an account as a cancellation would (the rights core's erasure), for
 * an enterprise account whose organization is dissolved or deletes it.
 */
export type AccountEraser = (
  userId: string,
  organizationId: string,
  reason: 'organization_dissolved' | 'deleted_by_organization',
) => Promise<void>;

/** What dissolution is built from. */
export interface DissolutionDependencies {
  store: OrganizationsStore;
  engines: OrgDataEngines;
  checkPassword: PasswordCheck;
  notify: MemberNotice;
  /** Ends every session of a user and cuts their sockets on every node. */
  endSessions: (userId: string) => Promise<void>;
  eraseAccount: AccountEraser;
  /** The routed rights-request parts the organization still holds (org-rights.service.ts). */
  routedParts: Pick<OrgRightsService, 'closeOnDissolution'>;
  audit: AuditLog;
  clock: Clock;
  /** ORG_DISSOLUTION_GRACE_DAYS. */
  graceDays: number;
}

function statusOf(row: DissolutionRow): Dissolution['status'] {
  if (row.withdrawn_at !== null) return 'withdrawn';
  if (row.completed_at !== null) return 'completed';
  return row.started_at !== null ? 'erasing' : 'scheduled';
}

const present = (row: DissolutionRow): Dissolution => ({
  organizationId: row.organization_id,
  requestedAt: row.requested_at,
  eraseAfter: row.erase_after,
  status: statusOf(row),
});

/**
 * Dissolving an organization (ORG-8): the main administrator starts it with
 * their password; every member is given notice (an event in their stream, a
 * record they can read); during the grace period administrators can still
 * export and the main administrator can call it off; afterwards a leased job
 * erases the organization's controlled data through the privacy engine and
 * removes the organization. Whether it is due is the Clock's decision.
 */
export class DissolutionService {
  constructor(private readonly deps: DissolutionDependencies) {}

  private get store() {
    return this.deps.store;
  }

  /** Starts the grace period; answers the scheduled dissolution. */
  async start(userId: string, organizationId: string, password: string): Promise<Dissolution> {
    const { actor } = await membershipIn(this.store, organizationId, userId);
    authorize(actor, { kind: 'control_data' }, noParents);
    if (!(await this.deps.checkPassword(userId, password)))
      throw new AppError('invalid_credentials', 'The password is wrong.');
    const existing = await this.store.controller.findDissolution(organizationId);
    if (existing && existing.withdrawn_at === null)
      throw new AppError('conflict', 'The organization is already being dissolved.');
    const now = this.deps.clock.now();
    const row: DissolutionRow = {
      organization_id: organizationId,
      requested_at: now,
      erase_after: now + this.deps.graceDays * DAY_MS,
      started_at: null,
      lease_until: null,
      attempts: 0,
      completed_at: null,
      withdrawn_at: null,
    };
    if (!(await this.store.controller.scheduleDissolution(row)))
      throw new AppError('conflict', 'The organization is already being dissolved.');
    await this.record(userId, 'organization.dissolution_started', organizationId, row.erase_after);
    await this.tellMembers(organizationId, 'organization.dissolution_scheduled', row.erase_after);
    return present(row);
  }

  /** The organization's dissolution, for any member. */
  async get(userId: string, organizationId: string): Promise<Dissolution> {
    await membershipIn(this.store, organizationId, userId);
    const row = await this.store.controller.findDissolution(organizationId);
    if (!row) throw notFound('Dissolution');
    return present(row);
  }

  /** Calls the dissolution off while the grace period runs. */
  async withdraw(userId: string, organizationId: string): Promise<Dissolution> {
    const { actor } = await membershipIn(this.store, organizationId, userId);
    authorize(actor, { kind: 'control_data' }, noParents);
    const row = await this.store.controller.findDissolution(organizationId);
    if (!row || row.withdrawn_at !== null) throw notFound('Dissolution');
    const now = this.deps.clock.now();
    if (!(await this.store.controller.withdrawDissolution(organizationId, now)))
      throw new AppError(
        'conflict',
        'The grace period is over; the dissolution cannot be called off.',
      );
    await this.record(
      userId,
      'organization.dissolution_withdrawn',
      organizationId,
      row.erase_after,
    );
    await this.tellMembers(organizationId, 'organization.dissolution_withdrawn', row.erase_after);
    return present({ ...row, withdrawn_at: now });
  }

  /**
   * Dissolves every organization whose grace period is over. Called by the
   * worker loop and the CLI; a failed job is retried once its lease ends.
   */
  async runDue(onError: (error: unknown) => void = () => undefined, limit = 5): Promise<number> {
    let done = 0;
    const { clock } = this.deps;
    for (const job of await this.store.controller.dueDissolutions(clock.now(), limit)) {
      const id = job.organization_id;
      if (!(await this.store.controller.claimDissolution(id, clock.now(), DISSOLUTION_LEASE_MS)))
        continue;
      try {
        await this.dissolve(id);
        done++;
      } catch (error) {
        onError(error);
      }
    }
    return done;
  }

  /** Erases now, without a grace period (the last member of an organization was erased). */
  async dissolveNow(organizationId: string): Promise<void> {
    await this.dissolve(organizationId);
  }

  /**
   * Safe to repeat: erasing what is already gone changes nothing. The
   * enterprise accounts go first, while the rows that list them still exist,
   * so a job that fails midway finds them again.
   */
  private async dissolve(organizationId: string): Promise<void> {
    const organization = await this.store.organizations.find(organizationId);
    const accounts = await this.eraseEnterpriseAccounts(organizationId);
    const members = await this.store.controller.memberIds(organizationId);
    // Members who left with a part still open are told too: it ends here, refused.
    const requesters = organization
      ? await this.deps.routedParts.closeOnDissolution(organizationId, organization.name)
      : [];
    const result = await this.deps.engines.eraseOrganization(organizationId);
    await this.store.controller.deleteOrganization(organizationId);
    await this.store.controller.completeDissolution(organizationId, this.deps.clock.now());
    await recordOrgAction(this.deps.audit, {
      actor: { kind: 'system' },
      action: 'organization.dissolved',
      organizationId,
      detail: {
        rowsDeleted: result.rowsDeleted,
        members: members.length,
        enterpriseAccounts: accounts.length,
      },
    });
    if (organization)
      await this.deps.notify([...new Set([...members, ...requesters])], 'organization.dissolved', {
        organizationId,
        name: organization.name,
      });
  }

  /**
   * Everything done with an enterprise account is the organization's
   * (DingTalk policy II(III)2, ADR 13), so it is erased as an account, by the
   * privacy erase engine, rather than left as a shell that cannot sign in.
   */
  private async eraseEnterpriseAccounts(organizationId: string): Promise<string[]> {
    const accounts = await this.store.controller.enterpriseAccountIds(organizationId);
    for (const userId of accounts) {
      await this.deps.endSessions(userId);
      await this.deps.eraseAccount(userId, organizationId, 'organization_dissolved');
    }
    return accounts;
  }

  private record(userId: string, action: string, organizationId: string, eraseAfter: number) {
    return recordOrgAction(this.deps.audit, {
      actor: { kind: 'user', id: userId },
      action,
      organizationId,
      detail: { eraseAfter },
    });
  }

  private async tellMembers(organizationId: string, type: EventType, eraseAfter: number) {
    const organization = await this.store.organizations.find(organizationId);
    const members = await this.store.controller.memberIds(organizationId);
    await this.deps.notify(members, type, {
      organizationId,
      name: organization?.name ?? null,
      eraseAfter,
    });
  }
}
