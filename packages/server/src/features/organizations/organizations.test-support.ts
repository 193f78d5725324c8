import assert from 'node:assert/strict';
import type { Department, Organization } from '@carillon/protocol/organizations';
import type { TestApp } from '../../../test/harness';
import { registerUser } from '../../../test/factories';
import { call, type Person } from '../messaging/messaging.test-support';

export { call, type Person };

/** Registers a person with a nickname; their phone number and password are kept. */
export async function person(
  t: TestApp,
  nickname = 'Mei',
): Promise<Awaited<ReturnType<typeof registerUser>>> {
  return registerUser(t, { nickname });
}

/** Creates an organization administered by `admin`, with `members` joined by short code. */
export async function orgWith(
  t: TestApp,
  admin: Person,
  members: Person[] = [],
  name = 'Harbour Works',
): Promise<Organization> {
  const created = await call(t, admin, 'POST', '/api/organizations', { name });
  assert.equal(created.statusCode, 201, created.body);
  const org = created.json() as Organization;
  if (members.length > 0) {
    const invite = await call(t, admin, 'POST', `/api/organizations/${org.id}/invites`, {
      kind: 'code',
    });
    assert.equal(invite.statusCode, 201, invite.body);
    const { code } = invite.json() as { code: string };
    for (const member of members) {
      const joined = await call(t, member, 'POST', '/api/organizations/join', { code });
      assert.equal(joined.statusCode, 200, joined.body);
    }
  }
  return org;
}

/** Creates a department as `admin`. */
export async function department(
  t: TestApp,
  admin: Person,
  orgId: string,
  name: string,
  parentId: string | null = null,
): Promise<Department> {
  const response = await call(t, admin, 'POST', `/api/organizations/${orgId}/departments`, {
    name,
    parentId,
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json() as Department;
}

/** Sets a member's details and departments as `admin`. */
export async function place(
  t: TestApp,
  admin: Person,
  orgId: string,
  who: Person,
  body: Record<string, unknown>,
) {
  const response = await call(
    t,
    admin,
    'PATCH',
    `/api/organizations/${orgId}/members/${who.userId}`,
    body,
  );
  assert.equal(response.statusCode, 200, response.body);
  return response.json();
}

/** Makes `who` a sub-administrator with the given scope. */
export async function makeSubAdmin(
  t: TestApp,
  admin: Person,
  orgId: string,
  who: Person,
  scope: { permissions: string[]; departmentId: string | null },
) {
  const response = await call(
    t,
    admin,
    'PUT',
    `/api/organizations/${orgId}/members/${who.userId}/role`,
    { role: 'sub_admin', scope },
  );
  assert.equal(response.statusCode, 200, response.body);
}
