import type { Department } from '@carillon/protocol/organizations';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import type { IdGenerator } from '../../platform/ids';
import type { AuditLog } from '../../privacy/audit/audit-log';
import type { DepartmentChanges, DepartmentRow } from './departments.repository';
import { membershipIn, treeOf, type DepartmentTree } from './org-access';
import { recordOrgAction } from './org-audit';
import { authorize, isWithin, type OrgActor } from './organizations.policy';
import type { OrganizationsStore } from './organizations.store';

function present(
  row: DepartmentRow & { member_count: number | string | null; group_id: string | null },
): Department {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    managerId: row.manager_id,
    memberCount: Number(row.member_count ?? 0),
    groupId: row.group_id,
  };
}

/** What a department update may change; `undefined` leaves a field alone. */
export interface DepartmentUpdate {
  name?: string | undefined;
  parentId?: string | null | undefined;
  managerId?: string | null | undefined;
}

/**
 * The department tree (ORG-2). Every change first locks the organization's
 * tree, then checks permissions and cycles against the tree as committed, so
 * two moves that would together form a cycle cannot both succeed.
 */
export class DepartmentsService {
  constructor(
    private readonly store: OrganizationsStore,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async list(userId: string, organizationId: string): Promise<Department[]> {
    await membershipIn(this.store, organizationId, userId);
    return (await this.store.departments.list(organizationId)).map(present);
  }

  async create(userId: string, organizationId: string, name: string, parentId: string | null) {
    const row: DepartmentRow = {
      id: this.ids.next(),
      organization_id: organizationId,
      parent_id: parentId,
      name,
      manager_id: null,
      created_at: this.clock.now(),
    };
    await this.changeTree(userId, organizationId, async (tx, actor, tree) => {
      if (parentId !== null && !tree.has(parentId)) throw notFound('Department');
      authorize(actor, { kind: 'create_department', parentId }, tree);
      await tx.departments.insert(row);
    });
    await this.record(userId, 'organization.department_created', organizationId, row.id);
    return present({ ...row, member_count: 0, group_id: null });
  }

  async update(userId: string, organizationId: string, id: string, change: DepartmentUpdate) {
    await this.changeTree(userId, organizationId, async (tx, actor, tree) => {
      if (!tree.has(id)) throw notFound('Department');
      const moving = change.parentId !== undefined;
      authorize(
        actor,
        {
          kind: 'change_department',
          departmentId: id,
          ...(moving ? { destinationId: change.parentId } : {}),
        },
        tree,
      );
      const changes: DepartmentChanges = {};
      if (change.name !== undefined) changes.name = change.name;
      if (change.parentId !== undefined) {
        const parentId = change.parentId;
        if (parentId !== null && !tree.has(parentId)) throw notFound('Department');
        // The new parent may not be the department or anything below it.
        if (parentId !== null && isWithin(parentId, id, tree))
          throw new AppError(
            'conflict',
            'A department cannot move under itself or its own subtree.',
          );
        changes.parent_id = parentId;
      }
      if (change.managerId !== undefined) {
        if (
          change.managerId &&
          !(await tx.organizations.findMember(organizationId, change.managerId))
        )
          throw notFound('Member');
        changes.manager_id = change.managerId;
      }
      if (Object.keys(changes).length > 0) await tx.departments.update(id, changes);
      if (changes.name !== undefined) await tx.chats.departmentRenamed(id, changes.name);
    });
    await this.record(userId, 'organization.department_changed', organizationId, id);
    return this.find(organizationId, id);
  }

  /**
   * Turns a department's group on, with the department's members, who then
   * follow it (ORG-6); or off, which dissolves the group. Whoever may change
   * the department may do this.
   */
  async setGroup(userId: string, organizationId: string, id: string, enabled: boolean) {
    await this.changeTree(userId, organizationId, async (tx, actor, tree) => {
      if (!tree.has(id)) throw notFound('Department');
      authorize(actor, { kind: 'change_department', departmentId: id }, tree);
      if (!enabled) return tx.chats.disableDepartmentGroup(id);
      const department = await tx.departments.find(organizationId, id);
      const memberIds = await tx.departments.memberIds(id);
      await tx.chats.enableDepartmentGroup(organizationId, id, department!.name, memberIds);
    });
    const action = enabled
      ? 'organization.department_group_enabled'
      : 'organization.department_group_disabled';
    await this.record(userId, action, organizationId, id);
    return this.find(organizationId, id);
  }

  private async find(organizationId: string, id: string): Promise<Department> {
    const row = (await this.store.departments.list(organizationId)).find((d) => d.id === id);
    if (!row) throw notFound('Department');
    return present(row);
  }

  /** Deletes an empty department, or moves its members to `moveMembersTo` first; its group is dissolved. */
  async delete(userId: string, organizationId: string, id: string, moveMembersTo?: string) {
    await this.changeTree(userId, organizationId, async (tx, actor, tree) => {
      if (!tree.has(id)) throw notFound('Department');
      if (moveMembersTo !== undefined && (!tree.has(moveMembersTo) || moveMembersTo === id))
        throw notFound('Department');
      authorize(
        actor,
        {
          kind: 'change_department',
          departmentId: id,
          ...(moveMembersTo ? { destinationId: moveMembersTo } : {}),
        },
        tree,
      );
      if ((await tx.departments.countChildren(id)) > 0)
        throw new AppError('conflict', 'Move or delete the sub-departments first.');
      const moving = await tx.departments.memberIds(id);
      if (moving.length > 0 && !moveMembersTo)
        throw new AppError('conflict', 'The department has members; pass moveMembersTo.');
      // Its group goes with it; the moved members follow their new department's (ADR 12).
      await tx.chats.disableDepartmentGroup(id);
      if (moveMembersTo) {
        await tx.departments.moveMembers(organizationId, id, moveMembersTo);
        for (const memberId of moving)
          await tx.chats.departmentsChanged(organizationId, memberId, [], [moveMembersTo]);
      }
      await tx.departments.delete(id);
    });
    await this.record(userId, 'organization.department_deleted', organizationId, id);
  }

  /** Runs a tree change under the organization's tree lock, with the caller and tree as committed. */
  private async changeTree(
    userId: string,
    organizationId: string,
    work: (tx: OrganizationsStore, actor: OrgActor, tree: DepartmentTree) => Promise<void>,
  ): Promise<void> {
    await this.store.transaction(async (tx) => {
      await tx.organizations.lockForChanges(organizationId);
      const { actor } = await membershipIn(tx, organizationId, userId);
      await work(tx, actor, await treeOf(tx, organizationId));
    });
  }

  private record(userId: string, action: string, organizationId: string, departmentId: string) {
    return recordOrgAction(this.audit, {
      actor: { kind: 'user', id: userId },
      action,
      organizationId,
      detail: { departmentId },
    });
  }
}
