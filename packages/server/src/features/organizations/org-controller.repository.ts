import type { Kysely } from 'kysely';
import type {
  Database,
  OrganizationDissolutionsTable,
  OrganizationRightsRequestsTable,
} from '../../platform/db/schema';
import { LeasedJobs } from '../../privacy/rights/leased-jobs';
import type { MemberRow } from './organizations.repository';

/** A routed part of a member's rights request, as stored. */
export type OrgRightsRow = OrganizationRightsRequestsTable;
/** A dissolution job, as stored. */
export type DissolutionRow = OrganizationDissolutionsTable;

/**
 * What the organization decides as controller of its data (ORG-4, ORG-8):
 * its retention period, the rights requests routed to it, and dissolution.
 */
export class OrgControllerRepository {
  private readonly leases: LeasedJobs<'organization_dissolutions'>;

  constructor(private readonly db: Kysely<Database>) {
    this.leases = new LeasedJobs(db, 'organization_dissolutions', 'organization_id');
  }

  async retentionDays(organizationId: string): Promise<number | null> {
    const row = await this.db
      .selectFrom('organization_data_retention')
      .select('days')
      .where('organization_id', '=', organizationId)
      .executeTakeFirst();
    return row?.days ?? null;
  }

  /** Sets (or, with null, clears) the organization's retention period. */
  async setRetention(organizationId: string, days: number | null, at: number): Promise<void> {
    await this.db
      .deleteFrom('organization_data_retention')
      .where('organization_id', '=', organizationId)
      .execute();
    if (days !== null)
      await this.db
        .insertInto('organization_data_retention')
        .values({ organization_id: organizationId, days, updated_at: at })
        .execute();
  }

  /** Every organization's period, for the retention job. */
  async allRetention(): Promise<{ organizationId: string; days: number }[]> {
    const rows = await this.db
      .selectFrom('organization_data_retention')
      .select(['organization_id', 'days'])
      .orderBy('organization_id')
      .execute();
    return rows.map((r) => ({ organizationId: r.organization_id, days: r.days }));
  }

  async insertRights(row: OrgRightsRow): Promise<void> {
    await this.db.insertInto('organization_rights_requests').values(row).execute();
  }

  /** The parts of one data-rights request, with each organization's name. */
  async rightsOfRequest(requestId: string) {
    return this.db
      .selectFrom('organization_rights_requests as r')
      .leftJoin('organizations as o', 'o.id', 'r.organization_id')
      .selectAll('r')
      .select('o.name as organization_name')
      .where('r.request_id', '=', requestId)
      .orderBy('r.organization_id')
      .execute();
  }

  /**
   * An organization's routed requests: open ones first, earliest deadline
   * (so every overdue one) first; then the answered, latest answer first.
   */
  async rightsQueue(organizationId: string, limit = 500): Promise<OrgRightsRow[]> {
    return this.db
      .selectFrom('organization_rights_requests')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .orderBy((eb) => eb.case().when('status', '=', 'open').then(0).else(1).end())
      .orderBy((eb) => eb.case().when('status', '=', 'open').then(eb.ref('deadline_at')).end())
      .orderBy('answered_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /**
   * Open parts, of every organization, whose deadline is within `soonMs` of
   * `now` and that were not reminded of that yet, or whose deadline has
   * passed and that were not reminded of that; earliest deadline first.
   */
  async dueReminders(now: number, soonMs: number, limit: number): Promise<OrgRightsRow[]> {
    return this.db
      .selectFrom('organization_rights_requests')
      .selectAll()
      .where('status', '=', 'open')
      .where('deadline_at', '<=', now + soonMs)
      .where((eb) =>
        eb.or([
          eb('reminded', 'is', null),
          eb.and([eb('reminded', '=', 'due_soon'), eb('deadline_at', '<', now)]),
        ]),
      )
      .orderBy('deadline_at')
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /**
   * Records that the `stage` reminder of an open part goes out, if the part
   * was last reminded of `previous`: false when another node got there
   * first or the part was answered meanwhile.
   */
  async markReminded(id: string, stage: string, previous: string | null): Promise<boolean> {
    const updated = await this.db
      .updateTable('organization_rights_requests')
      .set({ reminded: stage })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .where('reminded', previous === null ? 'is' : '=', previous)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  /** The organization's main administrator (the one who answers routed parts), if any. */
  async mainAdminIds(organizationId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('organization_members')
      .select('user_id')
      .where('organization_id', '=', organizationId)
      .where('role', '=', 'main_admin')
      .execute();
    return rows.map((r) => r.user_id);
  }

  /**
   * Refuses every open part of a dissolving organization with `reason`, and
   * copies every part whose requester still has an account to their own
   * record (`dissolved_organization_parts`), in one transaction; answers the
   * requesters whose parts it refused. Safe to repeat.
   */
  async closeForDissolution(
    organizationId: string,
    organizationName: string,
    reason: string,
    at: number,
  ): Promise<string[]> {
    return this.db.transaction().execute(async (trx) => {
      const open = await trx
        .selectFrom('organization_rights_requests')
        .select('user_id')
        .where('organization_id', '=', organizationId)
        .where('status', '=', 'open')
        .execute();
      await trx
        .updateTable('organization_rights_requests')
        .set({ status: 'refused', refusal_reason: reason, answer: null, answered_at: at })
        .where('organization_id', '=', organizationId)
        .where('status', '=', 'open')
        .execute();
      const parts = await trx
        .selectFrom('organization_rights_requests')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('user_id', 'is not', null)
        .execute();
      for (const p of parts)
        await trx
          .insertInto('dissolved_organization_parts')
          .values({
            id: p.id,
            request_id: p.request_id,
            user_id: p.user_id!,
            organization_id: organizationId,
            organization_name: organizationName,
            kind: p.kind,
            status: p.status,
            answer: p.answer,
            refusal_reason: p.refusal_reason,
            created_at: p.created_at,
            deadline_at: p.deadline_at,
            answered_at: p.answered_at ?? at,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
      return [...new Set(open.flatMap((r) => r.user_id ?? []))];
    });
  }

  /** What a member kept of a request's parts at organizations since dissolved. */
  async dissolvedPartsOf(requestId: string) {
    return this.db
      .selectFrom('dissolved_organization_parts')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('organization_id')
      .execute();
  }

  async findRights(organizationId: string, id: string): Promise<OrgRightsRow | undefined> {
    return this.db
      .selectFrom('organization_rights_requests')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Answers an open part; false when it was answered meanwhile. */
  async answerRights(
    id: string,
    changes: Pick<OrgRightsRow, 'status' | 'answer' | 'refusal_reason' | 'answered_at'>,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('organization_rights_requests')
      .set(changes)
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async findDissolution(organizationId: string): Promise<DissolutionRow | undefined> {
    return this.db
      .selectFrom('organization_dissolutions')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .executeTakeFirst();
  }

  /**
   * Schedules a dissolution, replacing one called off earlier; false when
   * another is already scheduled (two administrators' requests racing).
   */
  async scheduleDissolution(row: DissolutionRow): Promise<boolean> {
    await this.db
      .deleteFrom('organization_dissolutions')
      .where('organization_id', '=', row.organization_id)
      .where('withdrawn_at', 'is not', null)
      .execute();
    const inserted = await this.db
      .insertInto('organization_dissolutions')
      .values(row)
      .onConflict((oc) => oc.column('organization_id').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  /** Calls off a dissolution whose grace period is still running; false when it is too late. */
  async withdrawDissolution(organizationId: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('organization_dissolutions')
      .set({ withdrawn_at: at })
      .where('organization_id', '=', organizationId)
      .where('withdrawn_at', 'is', null)
      .where('started_at', 'is', null)
      .where('erase_after', '>', at)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  dueDissolutions(now: number, limit: number): Promise<DissolutionRow[]> {
    return this.leases.due(now, limit);
  }

  claimDissolution(organizationId: string, now: number, leaseMs: number): Promise<boolean> {
    return this.leases.claim(organizationId, now, leaseMs);
  }

  async completeDissolution(organizationId: string, at: number): Promise<void> {
    await this.db
      .updateTable('organization_dissolutions')
      .set({ completed_at: at, lease_until: null })
      .where('organization_id', '=', organizationId)
      .execute();
  }

  /** Every member's user id, to give notice. */
  async memberIds(organizationId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('organization_members')
      .select('user_id')
      .where('organization_id', '=', organizationId)
      .orderBy('user_id')
      .execute();
    return rows.map((r) => r.user_id);
  }

  /**
   * The organizations where a person is the main administrator, except those
   * whose dissolution is under way: they need no successor.
   */
  async mainAdminOf(userId: string): Promise<{ id: string; name: string }[]> {
    return this.db
      .selectFrom('organization_members as m')
      .innerJoin('organizations as o', 'o.id', 'm.organization_id')
      .leftJoin('organization_dissolutions as d', 'd.organization_id', 'o.id')
      .select(['o.id', 'o.name'])
      .where('m.user_id', '=', userId)
      .where('m.role', '=', 'main_admin')
      .where((eb) => eb.or([eb('d.started_at', 'is', null), eb('d.withdrawn_at', 'is not', null)]))
      .orderBy('o.id')
      .execute();
  }

  /** The user ids of the enterprise accounts an organization created, members or not. */
  /** The organization whose enterprise account `userId` is, with its name; undefined for a personal account. */
  async enterpriseHome(userId: string): Promise<{ id: string; name: string } | undefined> {
    return this.db
      .selectFrom('enterprise_accounts as e')
      .innerJoin('organizations as o', 'o.id', 'e.organization_id')
      .select(['o.id', 'o.name'])
      .where('e.user_id', '=', userId)
      .executeTakeFirst();
  }

  async enterpriseAccountIds(organizationId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('enterprise_accounts')
      .select('user_id')
      .where('organization_id', '=', organizationId)
      .orderBy('user_id')
      .execute();
    return rows.map((r) => r.user_id);
  }

  /** Who takes over from a main administrator who is erased: sub-administrators first, then the longest-serving. */
  async successor(organizationId: string, leaving: string): Promise<MemberRow | undefined> {
    return this.db
      .selectFrom('organization_members')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('user_id', '!=', leaving)
      .orderBy((eb) => eb.case().when('role', '=', 'sub_admin').then(0).else(1).end())
      .orderBy('joined_at')
      .orderBy('user_id')
      .limit(1)
      .executeTakeFirst();
  }

  async deleteOrganization(organizationId: string): Promise<void> {
    await this.db.deleteFrom('organizations').where('id', '=', organizationId).execute();
  }
}
