import type { Kysely } from 'kysely';
import type { Database, OrganizationDepartmentsTable } from '../../platform/db/schema';

export type DepartmentRow = OrganizationDepartmentsTable;
export type DepartmentChanges = Partial<Pick<DepartmentRow, 'name' | 'parent_id' | 'manager_id'>>;

/** The department tree of organizations. */
export class DepartmentsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: DepartmentRow): Promise<void> {
    await this.db.insertInto('organization_departments').values(row).execute();
  }

  /** Every department of an organization with its direct member count and group, by name. */
  async list(organizationId: string) {
    return this.db
      .selectFrom('organization_departments as d')
      .leftJoin('conversations as g', 'g.department_id', 'd.id')
      .selectAll('d')
      .select('g.id as group_id')
      .select((eb) =>
        eb
          .selectFrom('organization_department_members as m')
          .whereRef('m.department_id', '=', 'd.id')
          .select(eb.fn.countAll<number>().as('n'))
          .as('member_count'),
      )
      .where('d.organization_id', '=', organizationId)
      .orderBy('d.name')
      .orderBy('d.id')
      .execute();
  }

  /** Department id → parent id, for the policy and cycle checks. */
  async parents(organizationId: string): Promise<Map<string, string | null>> {
    const rows = await this.db
      .selectFrom('organization_departments')
      .select(['id', 'parent_id'])
      .where('organization_id', '=', organizationId)
      .execute();
    return new Map(rows.map((r) => [r.id, r.parent_id]));
  }

  async find(organizationId: string, id: string): Promise<DepartmentRow | undefined> {
    return this.db
      .selectFrom('organization_departments')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async update(id: string, changes: DepartmentChanges): Promise<void> {
    await this.db
      .updateTable('organization_departments')
      .set(changes)
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('organization_departments').where('id', '=', id).execute();
  }

  /** Clears a leaving member from the departments they managed. */
  async clearManager(organizationId: string, userId: string): Promise<void> {
    await this.db
      .updateTable('organization_departments')
      .set({ manager_id: null })
      .where('organization_id', '=', organizationId)
      .where('manager_id', '=', userId)
      .execute();
  }

  async countChildren(id: string): Promise<number> {
    const row = await this.db
      .selectFrom('organization_departments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parent_id', '=', id)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async memberIds(id: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('organization_department_members')
      .select('user_id')
      .where('department_id', '=', id)
      .execute();
    return rows.map((r) => r.user_id);
  }

  /** Moves every member of `from` into `to`, keeping those already there once. */
  async moveMembers(organizationId: string, from: string, to: string): Promise<void> {
    const moving = await this.memberIds(from);
    const already = new Set(await this.memberIds(to));
    const fresh = moving.filter((id) => !already.has(id));
    if (fresh.length > 0)
      await this.db
        .insertInto('organization_department_members')
        .values(
          fresh.map((user_id) => ({ department_id: to, organization_id: organizationId, user_id })),
        )
        .execute();
    await this.db
      .deleteFrom('organization_department_members')
      .where('department_id', '=', from)
      .execute();
  }
}
