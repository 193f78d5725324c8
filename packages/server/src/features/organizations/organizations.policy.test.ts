import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { can, isWithin, type OrgAction, type OrgActor } from './organizations.policy';

// A small tree: sales → sales-east → sales-east-shop, and a separate hr.
const parents = new Map<string, string | null>([
  ['sales', null],
  ['sales-east', 'sales'],
  ['sales-east-shop', 'sales-east'],
  ['hr', null],
]);
const parentOf = (id: string) => parents.get(id);

const main: OrgActor = { userId: 'm', role: 'main_admin', scope: null };
const member: OrgActor = { userId: 'p', role: 'member', scope: null };
const everywhere: OrgActor = {
  userId: 'e',
  role: 'sub_admin',
  scope: { permissions: ['members', 'departments'], departmentId: null },
};
const salesBoth: OrgActor = {
  userId: 's',
  role: 'sub_admin',
  scope: { permissions: ['members', 'departments'], departmentId: 'sales' },
};
const salesMembersOnly: OrgActor = {
  userId: 'o',
  role: 'sub_admin',
  scope: { permissions: ['members'], departmentId: 'sales' },
};

const manageMember = (
  targetDepartmentIds: string[],
  changedDepartmentIds: string[] = [],
  targetRole: 'member' | 'sub_admin' | 'main_admin' = 'member',
): OrgAction => ({ kind: 'manage_member', targetRole, targetDepartmentIds, changedDepartmentIds });

const cases: [string, OrgActor, OrgAction, boolean][] = [
  ['a member may leave', member, { kind: 'leave' }, true],
  ['the main admin may not leave', main, { kind: 'leave' }, false],
  ['a sub-admin may leave', salesBoth, { kind: 'leave' }, true],
  ['a member may not admit members', member, { kind: 'admit_members' }, false],
  [
    'a member may not create departments',
    member,
    { kind: 'create_department', parentId: null },
    false,
  ],
  ['a member may not edit another member', member, manageMember([]), false],
  ['the main admin manages the organization', main, { kind: 'manage_organization' }, true],
  ["the main admin controls the organization's data", main, { kind: 'control_data' }, true],
  [
    "a sub-admin never controls the organization's data",
    everywhere,
    { kind: 'control_data' },
    false,
  ],
  ["a member never controls the organization's data", member, { kind: 'control_data' }, false],
  [
    'the main admin changes any department',
    main,
    { kind: 'change_department', departmentId: 'hr' },
    true,
  ],
  [
    'a sub-admin never manages the organization',
    everywhere,
    { kind: 'manage_organization' },
    false,
  ],
  ['an org-wide sub-admin admits members', everywhere, { kind: 'admit_members' }, true],
  [
    'a scoped sub-admin does not admit (newcomers land at the top)',
    salesBoth,
    { kind: 'admit_members' },
    false,
  ],
  ['an org-wide sub-admin oversees members', everywhere, { kind: 'oversee_members' }, true],
  [
    'a scoped sub-admin does not oversee the whole organization',
    salesBoth,
    { kind: 'oversee_members' },
    false,
  ],
  ['a member does not oversee members', member, { kind: 'oversee_members' }, false],
  [
    'a scoped sub-admin creates inside the subtree',
    salesBoth,
    { kind: 'create_department', parentId: 'sales-east' },
    true,
  ],
  [
    'a scoped sub-admin creates at their root',
    salesBoth,
    { kind: 'create_department', parentId: 'sales' },
    true,
  ],
  [
    'a scoped sub-admin may not create at the top',
    salesBoth,
    { kind: 'create_department', parentId: null },
    false,
  ],
  [
    'a scoped sub-admin may not create outside',
    salesBoth,
    { kind: 'create_department', parentId: 'hr' },
    false,
  ],
  [
    'a scoped sub-admin renames below their root',
    salesBoth,
    { kind: 'change_department', departmentId: 'sales-east' },
    true,
  ],
  [
    'a scoped sub-admin may not change their own root',
    salesBoth,
    { kind: 'change_department', departmentId: 'sales' },
    false,
  ],
  [
    'a scoped sub-admin may not move a department out',
    salesBoth,
    { kind: 'change_department', departmentId: 'sales-east-shop', destinationId: 'hr' },
    false,
  ],
  [
    'a scoped sub-admin moves within',
    salesBoth,
    { kind: 'change_department', departmentId: 'sales-east-shop', destinationId: 'sales' },
    true,
  ],
  [
    'a scoped sub-admin may not move to the top',
    salesBoth,
    { kind: 'change_department', departmentId: 'sales-east', destinationId: null },
    false,
  ],
  [
    'without departments permission, no department changes',
    salesMembersOnly,
    { kind: 'create_department', parentId: 'sales' },
    false,
  ],
  [
    'a scoped sub-admin edits a member of the subtree',
    salesMembersOnly,
    manageMember(['sales-east-shop']),
    true,
  ],
  [
    'a scoped sub-admin edits a member also outside, without touching that',
    salesMembersOnly,
    manageMember(['sales-east', 'hr'], ['sales-east-shop']),
    true,
  ],
  [
    'a scoped sub-admin may not remove a member from outside departments',
    salesMembersOnly,
    manageMember(['sales-east', 'hr'], ['hr']),
    false,
  ],
  [
    'a scoped sub-admin may not edit a member outside',
    salesMembersOnly,
    manageMember(['hr']),
    false,
  ],
  [
    'a scoped sub-admin may not edit a member in no department',
    salesMembersOnly,
    manageMember([]),
    false,
  ],
  [
    'a sub-admin may not edit another sub-admin',
    everywhere,
    manageMember(['hr'], [], 'sub_admin'),
    false,
  ],
  [
    'a sub-admin may not edit the main admin',
    everywhere,
    manageMember([], [], 'main_admin'),
    false,
  ],
  ['the main admin edits a sub-admin', main, manageMember([], [], 'sub_admin'), true],
  [
    'a sub-admin role without a scope can only look',
    { ...salesBoth, scope: null },
    { kind: 'create_department', parentId: 'sales' },
    false,
  ],
];

describe('organizations policy', () => {
  for (const [name, actor, action, expected] of cases)
    it(name, () => assert.equal(can(actor, action, parentOf), expected));

  it('isWithin walks up the tree and stops on a cycle in corrupted data', () => {
    assert.equal(isWithin('sales-east-shop', 'sales', parentOf), true);
    assert.equal(isWithin('hr', 'sales', parentOf), false);
    const looped = (id: string) => (id === 'a' ? 'b' : 'a');
    assert.equal(isWithin('a', 'c', looped), false);
  });
});
