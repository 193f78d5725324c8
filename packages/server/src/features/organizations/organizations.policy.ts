import type { AdminScope, OrganizationRole } from '@carillon/protocol/organizations';
import { AppError } from '../../platform/errors';

/** Who is acting inside an organization: a member, with their role and admin scope. */
export interface OrgActor {
  userId: string;
  role: OrganizationRole;
  scope: AdminScope | null;
}

/** The department tree as the policy needs it: a department's parent, null at the top. */
export type ParentOf = (departmentId: string) => string | null | undefined;

/** Everything that may be done inside an organization, with what the decision depends on. */
export type OrgAction =
  /** Leave the organization; reading it needs only membership (org-access.ts). */
  | { kind: 'leave' }
  /** Certification, roles, transfer of the main administrator. */
  | { kind: 'manage_organization' }
  /**
   * Act as controller of the organization's data (ORG-4, ORG-8): export it,
   * set its retention, answer routed rights requests, dissolve.
   */
  | { kind: 'control_data' }
  /** Invite people and decide applications: members join at the top of the tree. */
  | { kind: 'admit_members' }
  /** See every member's enterprise account and security-log entries (ORG-3, ORG-9). */
  | { kind: 'oversee_members' }
  /** Edit or remove a member, see their job number, or place them in departments. */
  | {
      kind: 'manage_member';
      targetRole: OrganizationRole;
      targetDepartmentIds: string[];
      /** Departments the change adds or removes. */
      changedDepartmentIds: string[];
    }
  | { kind: 'create_department'; parentId: string | null }
  /** Rename, move, delete or set the manager of a department. */
  | { kind: 'change_department'; departmentId: string; destinationId?: string | null };

/** Far deeper than any real tree; stops a walk over corrupted data. */
const MAX_DEPTH = 1000;

/** Whether `departmentId` is `rootId` or below it. */
export function isWithin(departmentId: string, rootId: string, parentOf: ParentOf): boolean {
  let current: string | null | undefined = departmentId;
  for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
    if (current === rootId) return true;
    current = parentOf(current);
  }
  return false;
}

/** Whether a department (null: the top of the tree) lies in an admin scope. */
function inScope(departmentId: string | null, scope: AdminScope, parentOf: ParentOf): boolean {
  if (scope.departmentId === null) return true;
  return departmentId !== null && isWithin(departmentId, scope.departmentId, parentOf);
}

/** Strictly below the scope's root: a sub-administrator never moves or deletes their own root. */
function belowScopeRoot(departmentId: string, scope: AdminScope, parentOf: ParentOf): boolean {
  return departmentId !== scope.departmentId && inScope(departmentId, scope, parentOf);
}

function subAdminCan(scope: AdminScope, action: OrgAction, parentOf: ParentOf): boolean {
  const has = (permission: AdminScope['permissions'][number]) =>
    scope.permissions.includes(permission);
  switch (action.kind) {
    case 'leave':
      return true;
    case 'manage_organization':
    case 'control_data':
      return false;
    case 'admit_members':
    case 'oversee_members':
      return has('members') && scope.departmentId === null;
    case 'manage_member':
      return (
        has('members') &&
        action.targetRole === 'member' &&
        (scope.departmentId === null ||
          action.targetDepartmentIds.some((id) => inScope(id, scope, parentOf))) &&
        action.changedDepartmentIds.every((id) => inScope(id, scope, parentOf))
      );
    case 'create_department':
      return has('departments') && inScope(action.parentId, scope, parentOf);
    case 'change_department':
      return (
        has('departments') &&
        belowScopeRoot(action.departmentId, scope, parentOf) &&
        (action.destinationId === undefined || inScope(action.destinationId, scope, parentOf))
      );
  }
}

/**
 * The one rule for every permission inside an organization (ORG-2): the main
 * administrator may do everything but leave (they hand over first), a
 * sub-administrator what their permissions allow within their subtree, a
 * member may read (membership alone) and leave.
 */
export function can(actor: OrgActor, action: OrgAction, parentOf: ParentOf): boolean {
  if (actor.role === 'main_admin') return action.kind !== 'leave';
  if (actor.role === 'sub_admin' && actor.scope) return subAdminCan(actor.scope, action, parentOf);
  return action.kind === 'leave';
}

/** Throws `forbidden` unless `can` allows the action. */
export function authorize(actor: OrgActor, action: OrgAction, parentOf: ParentOf): void {
  if (!can(actor, action, parentOf))
    throw new AppError('forbidden', 'Your role in this organization does not allow this.');
}
