import type { Kysely } from 'kysely';
import type { Database, OrganizationSecurityLogTable } from '../../platform/db/schema';

export type SecurityLogRow = OrganizationSecurityLogTable;

/** What a page of the security log is filtered by; `before` is an entry id (ids sort by time). */
export interface SecurityLogFilter {
  memberId?: string | undefined;
  kind?: SecurityLogRow['kind'] | undefined;
  before?: string | undefined;
  limit: number;
}

/** Organizations' security logs (ORG-9) and how long each keeps it. */
export class SecurityLogRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The organizations a person belongs to: their security events are logged in each. */
  async organizationsOf(userId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('organization_members')
      .select('organization_id')
      .where('user_id', '=', userId)
      .execute();
    return rows.map((r) => r.organization_id);
  }

  async insert(rows: SecurityLogRow[]): Promise<void> {
    if (rows.length > 0)
      await this.db.insertInto('organization_security_log').values(rows).execute();
  }

  /** A page, newest first, with one row more than asked for. */
  async page(organizationId: string, filter: SecurityLogFilter): Promise<SecurityLogRow[]> {
    let query = this.db
      .selectFrom('organization_security_log')
      .selectAll()
      .where('organization_id', '=', organizationId);
    if (filter.memberId) query = query.where('user_id', '=', filter.memberId);
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    if (filter.before) query = query.where('id', '<', filter.before);
    return query
      .orderBy('id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  }

  async retentionDays(organizationId: string): Promise<number> {
    const row = await this.db
      .selectFrom('organizations')
      .select('security_log_days')
      .where('id', '=', organizationId)
      .executeTakeFirstOrThrow();
    return Number(row.security_log_days);
  }

  async setRetentionDays(organizationId: string, days: number): Promise<void> {
    await this.db
      .updateTable('organizations')
      .set({ security_log_days: days })
      .where('id', '=', organizationId)
      .execute();
  }
}
