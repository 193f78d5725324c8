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

function present(row: DepartmentRow & { member_count: number | string | null }): Department {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    managerId: row.manager_id,
    memberCount: Number(row.member_count ?? 0),
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
    return present({ ...row, member_count: 0 });
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
    });
    await this.record(userId, 'organization.department_changed', organizationId, id);
    const row = (await this.store.departments.list(organizationId)).find((d) => d.id === id);
    if (!row) throw notFound('Department');
    return present(row);
  }

  /** Deletes an empty department, or moves its members to `moveMembersTo` first. */
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
      if (moveMembersTo) await tx.departments.moveMembers(organizationId, id, moveMembersTo);
      else if ((await tx.departments.memberIds(id)).length > 0)
        throw new AppError('conflict', 'The department has members; pass moveMembersTo.');
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
