import { sql, type Kysely } from 'kysely';
import type {
  Database,
  OrganizationMembersTable,
  OrganizationsTable,
} from '../../platform/db/schema';

export type OrganizationRow = OrganizationsTable;
export type MemberRow = OrganizationMembersTable;
export type MemberChanges = Partial<Omit<MemberRow, 'organization_id' | 'user_id'>>;

/** A member with the nickname from their own profile. */
export type DirectoryRow = MemberRow & { nickname: string };

/** What the directory is filtered by; `patterns` are LIKE patterns over the search key. */
export interface DirectoryFilter {
  departmentId?: string | undefined;
  /** Just this member. */
  memberId?: string;
  patterns?: string[];
  /** Lower-case LIKE pattern over the profile nickname. */
  nicknamePattern?: string;
  /** An E.164 number matched exactly against personal phones whose owners chose to be findable by it. */
  discoverablePhone?: string | undefined;
  offset: number;
  limit: number;
}

/** Organizations and memberships. */
export class OrganizationsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: OrganizationRow): Promise<void> {
    await this.db.insertInto('organizations').values(row).execute();
  }

  async find(id: string): Promise<OrganizationRow | undefined> {
    return this.db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * Bumps the tree version, which takes the organization row's write lock
   * until the transaction ends: administrative changes of one organization
   * (tree, roles, member details) run one after another, each seeing what
   * the previous one committed.
   */
  async lockForChanges(id: string): Promise<void> {
    await this.db
      .updateTable('organizations')
      .set((eb) => ({ tree_version: eb('tree_version', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }

  async setCertified(id: string, at: number): Promise<void> {
    await this.db
      .updateTable('organizations')
      .set({ certified_at: at })
      .where('id', '=', id)
      .execute();
  }

  /** The organizations a person belongs to, with their role and the member counts. */
  async listFor(userId: string) {
    return this.db
      .selectFrom('organization_members as m')
      .innerJoin('organizations as o', 'o.id', 'm.organization_id')
      .selectAll('o')
      .select('m.role')
      .select((eb) =>
        eb
          .selectFrom('organization_members as all')
          .whereRef('all.organization_id', '=', 'o.id')
          .select(eb.fn.countAll<number>().as('n'))
          .as('member_count'),
      )
      .where('m.user_id', '=', userId)
      .orderBy('m.joined_at')
      .execute();
  }

  async countMembers(organizationId: string): Promise<number> {
    const row = await this.db
      .selectFrom('organization_members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', organizationId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async findMember(organizationId: string, userId: string): Promise<MemberRow | undefined> {
    return this.db
      .selectFrom('organization_members')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }

  /** The organizations each of these people belongs to. */
  async organizationsOf(userIds: string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (userIds.length === 0) return result;
    const rows = await this.db
      .selectFrom('organization_members')
      .select(['user_id', 'organization_id'])
      .where('user_id', 'in', userIds)
      .execute();
    for (const row of rows)
      result.set(row.user_id, [...(result.get(row.user_id) ?? []), row.organization_id]);
    return result;
  }

  async insertMember(row: MemberRow): Promise<void> {
    await this.db.insertInto('organization_members').values(row).execute();
  }

  async updateMember(organizationId: string, userId: string, changes: MemberChanges) {
    await this.db
      .updateTable('organization_members')
      .set(changes)
      .where('organization_id', '=', organizationId)
      .where('user_id', '=', userId)
      .execute();
  }

  async deleteMember(organizationId: string, userId: string): Promise<void> {
    await this.db
      .deleteFrom('organization_members')
      .where('organization_id', '=', organizationId)
      .where('user_id', '=', userId)
      .execute();
  }

  async countByRole(organizationId: string, role: MemberRow['role']): Promise<number> {
    const row = await this.db
      .selectFrom('organization_members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', organizationId)
      .where('role', '=', role)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** A person's nickname, the name they join an organization under until it is changed. */
  async nicknameOf(userId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('profiles')
      .select('nickname')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.nickname;
  }

  /** A page of the directory, ordered by name, with one row more than asked for. */
  async directory(organizationId: string, filter: DirectoryFilter): Promise<DirectoryRow[]> {
    let query = this.db
      .selectFrom('organization_members as m')
      .innerJoin('profiles as p', 'p.user_id', 'm.user_id')
      .selectAll('m')
      .select('p.nickname')
      .where('m.organization_id', '=', organizationId);
    if (filter.departmentId) {
      const departmentId = filter.departmentId;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('organization_department_members as d')
            .select('d.user_id')
            .whereRef('d.organization_id', '=', 'm.organization_id')
            .whereRef('d.user_id', '=', 'm.user_id')
            .where('d.department_id', '=', departmentId),
        ),
      );
    }
    if (filter.memberId) query = query.where('m.user_id', '=', filter.memberId);
    const patterns = filter.patterns ?? [];
    const nickname = filter.nicknamePattern;
    const phone = filter.discoverablePhone;
    if (patterns.length > 0 || nickname || phone)
      query = query.where((eb) =>
        eb.or([
          ...patterns.map((p) => eb(sql`m.search_key`, 'like', sql`${p} escape '\\'`)),
          ...(nickname ? [eb(sql`lower(p.nickname)`, 'like', sql`${nickname} escape '\\'`)] : []),
          ...(phone
            ? [
                eb.exists(
                  eb
                    .selectFrom('users as u')
                    .innerJoin('contact_settings as cs', 'cs.user_id', 'u.id')
                    .select('u.id')
                    .whereRef('u.id', '=', 'm.user_id')
                    .where('u.phone', '=', phone)
                    .where('cs.phone_discoverable_at', 'is not', null),
                ),
              ]
            : []),
        ]),
      );
    return query
      .orderBy('m.name')
      .orderBy('m.user_id')
      .offset(filter.offset)
      .limit(filter.limit + 1)
      .execute();
  }

  /** The departments of each given member. */
  async departmentsOf(organizationId: string, userIds: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) return map;
    const rows = await this.db
      .selectFrom('organization_department_members')
      .select(['user_id', 'department_id'])
      .where('organization_id', '=', organizationId)
      .where('user_id', 'in', userIds)
      .orderBy('department_id')
      .execute();
    for (const row of rows) map.get(row.user_id)?.push(row.department_id);
    return map;
  }

  /** Replaces a member's departments. */
  async setDepartments(organizationId: string, userId: string, departmentIds: string[]) {
    await this.db
      .deleteFrom('organization_department_members')
      .where('organization_id', '=', organizationId)
      .where('user_id', '=', userId)
      .execute();
    if (departmentIds.length > 0)
      await this.db
        .insertInto('organization_department_members')
        .values(
          departmentIds.map((department_id) => ({
            department_id,
            organization_id: organizationId,
            user_id: userId,
          })),
        )
        .execute();
  }
}
