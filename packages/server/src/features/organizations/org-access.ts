import type { AdminScope } from '@carillon/protocol/organizations';
import { notFound } from '../../platform/errors';
import type { OrgActor, ParentOf } from './organizations.policy';
import type { MemberRow } from './organizations.repository';
import type { OrganizationsStore } from './organizations.store';

/** The policy's view of a membership row. */
export function actorOf(member: MemberRow): OrgActor {
  return {
    userId: member.user_id,
    role: member.role,
    scope: member.admin_scope ? (JSON.parse(member.admin_scope) as AdminScope) : null,
  };
}

/**
 * The only way into an organization's resources: the caller's membership.
 * An organization the caller is not in answers exactly like one that does
 * not exist, so ids of other organizations reveal nothing.
 */
export async function membershipIn(
  store: Pick<OrganizationsStore, 'organizations'>,
  organizationId: string,
  userId: string,
): Promise<{ member: MemberRow; actor: OrgActor }> {
  const member = await store.organizations.findMember(organizationId, userId);
  if (!member) throw notFound('Organization');
  return { member, actor: actorOf(member) };
}

/** An organization's department tree: each department's parent, and whether one exists. */
export type DepartmentTree = ParentOf & { has(id: string): boolean };

/** The department tree of an organization, as the policy reads it. */
export async function treeOf(
  store: Pick<OrganizationsStore, 'departments'>,
  organizationId: string,
): Promise<DepartmentTree> {
  const parents = await store.departments.parents(organizationId);
  return Object.assign((id: string) => parents.get(id), { has: (id: string) => parents.has(id) });
}
