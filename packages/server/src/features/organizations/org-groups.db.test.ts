import assert from 'node:assert/strict';
import { before, beforeEach, it } from 'node:test';
import type { Conversation } from '@carillon/protocol/messaging';
import type { Department } from '@carillon/protocol/organizations';
import type { Kysely } from 'kysely';
import { backfillAllStaffGroups } from '../../platform/db/migrations/0012-org-chats';
import { errorId } from '../../../test/factories';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { listenOnLoopback } from '../../../test/realtime-client';
import { groupWith } from '../messaging/messaging.test-support';
import { connectReady } from '../realtime/realtime.test-support';
import {
  allStaffOf,
  conversationsOf,
  memberIdsOf,
  setDepartmentGroup,
} from './org-chats.test-support';
import {
  call,
  department,
  makeSubAdmin,
  orgWith,
  person,
  place,
} from './organizations.test-support';

const sorted = (...ids: string[]) => ids.sort();

describeEachDialect('organization groups (ORG-6)', (dialect) => {
  // Each test registers several people: sign-up requests and codes are rate-limited
  // per address, so the limit is raised and every test starts an hour later.
  const t = useTestApp(dialect, { env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
  beforeEach(() => t().clock.advance(60 * 60 * 1000));
  let url: string;
  before(async () => {
    url = await listenOnLoopback(t());
  });

  it("tells a newcomer's open socket of the groups they were added to", async () => {
    const ann = await person(t(), 'Ann');
    const bob = await person(t(), 'Bob');
    const org = await orgWith(t(), ann);
    const sales = await department(t(), ann, org.id, 'Sales');
    const salesGroup = (
      (await setDepartmentGroup(t(), ann, org.id, sales.id, true)).json() as Department
    ).groupId!;
    const allStaff = (await allStaffOf(t(), ann, org.id))!.id;
    const socket = await connectReady(url, bob);
    const joinedEvent = (conversationId: string) =>
      socket.waitFor(
        (f) =>
          f.type === 'event' &&
          f.event.type === 'member.joined' &&
          f.event.payload.conversationId === conversationId &&
          f.event.payload.userId === bob.userId,
      );
    const invite = await call(t(), ann, 'POST', `/api/organizations/${org.id}/invites`, {
      kind: 'code',
    });
    const { code } = invite.json() as { code: string };
    await call(t(), bob, 'POST', '/api/organizations/join', { code });
    await joinedEvent(allStaff);
    await place(t(), ann, org.id, bob, { departmentIds: [sales.id] });
    await joinedEvent(salesGroup);
    await socket.close();
  });

  it('gives every organization an all-staff group that follows the directory', async () => {
    const ann = await person(t(), 'Ann');
    const bob = await person(t(), 'Bob');
    const org = await orgWith(t(), ann, [], 'Harbour Works');
    const group = await allStaffOf(t(), ann, org.id);
    assert.ok(group, 'created with the organization');
    assert.deepEqual(
      [group.name, group.orgGroup, group.organizationId, group.external, group.role],
      ['Harbour Works', 'all_staff', org.id, false, 'member'],
    );
    const invite = await call(t(), ann, 'POST', `/api/organizations/${org.id}/invites`, {
      kind: 'code',
    });
    const { code } = invite.json() as { code: string };
    await call(t(), bob, 'POST', '/api/organizations/join', { code });
    assert.deepEqual(await memberIdsOf(t(), ann, group.id), sorted(ann.userId, bob.userId));
    // The newcomer's devices and the others' hear of it.
    const events = await call(t(), ann, 'GET', '/api/events?after=0');
    const joined = (
      events.json() as { events: { type: string; payload: Record<string, unknown> }[] }
    ).events;
    assert.ok(
      joined.some(
        (e) =>
          e.type === 'member.joined' &&
          e.payload.conversationId === group.id &&
          e.payload.userId === bob.userId,
      ),
    );
    await call(t(), ann, 'DELETE', `/api/organizations/${org.id}/members/${bob.userId}`);
    assert.deepEqual(await memberIdsOf(t(), ann, group.id), [ann.userId]);
  });

  it('gives organizations made before all-staff groups existed one, once (migration 0012)', async () => {
    const ann = await person(t(), 'Ann');
    const bob = await person(t(), 'Bob');
    const org = await orgWith(t(), ann, [bob], 'Old Works');
    const db = t().db.db;
    await db.deleteFrom('conversations').where('organization_id', '=', org.id).execute();
    assert.equal(await allStaffOf(t(), ann, org.id), undefined);

    await backfillAllStaffGroups(db as unknown as Kysely<unknown>);
    await backfillAllStaffGroups(db as unknown as Kysely<unknown>);
    const group = await allStaffOf(t(), bob, org.id);
    assert.equal(group?.name, 'Old Works');
    assert.deepEqual(await memberIdsOf(t(), ann, group!.id), sorted(ann.userId, bob.userId));
    const groups = await db
      .selectFrom('conversations')
      .select('id')
      .where('organization_id', '=', org.id)
      .execute();
    assert.equal(groups.length, 1);
    // And it follows the directory from then on.
    await call(t(), ann, 'DELETE', `/api/organizations/${org.id}/members/${bob.userId}`);
    assert.deepEqual(await memberIdsOf(t(), ann, group!.id), [ann.userId]);
  });

  it('is run by the organization: members cannot leave, invite to, rename, remove from or dissolve it', async () => {
    const ann = await person(t(), 'Ann');
    const bob = await person(t(), 'Bob');
    const org = await orgWith(t(), ann, [bob]);
    const group = (await allStaffOf(t(), bob, org.id))!;
    const base = `/api/conversations/${group.id}`;
    const attempts = [
      await call(t(), bob, 'POST', `${base}/leave`),
      await call(t(), bob, 'POST', `${base}/invites`, {}),
      await call(t(), ann, 'PATCH', base, { name: 'Renamed' }),
      await call(t(), ann, 'DELETE', `${base}/members/${bob.userId}`),
      await call(t(), ann, 'DELETE', base),
    ];
    assert.deepEqual(
      attempts.map((r) => r.statusCode),
      [409, 409, 409, 409, 409],
    );
    // Mute and pin are each member's own.
    const muted = await call(t(), bob, 'PUT', `${base}/settings`, { muted: true });
    assert.equal(muted.statusCode, 200, muted.body);
  });

  it('lets administrators turn on a department group whose members follow the department', async () => {
    const ann = await person(t(), 'Ann');
    const [bob, cat, dan] = [
      await person(t(), 'Bob'),
      await person(t(), 'Cat'),
      await person(t(), 'Dan'),
    ];
    const org = await orgWith(t(), ann, [bob, cat, dan]);
    const sales = await department(t(), ann, org.id, 'Sales');
    const support = await department(t(), ann, org.id, 'Support');
    await place(t(), ann, org.id, bob, { departmentIds: [sales.id] });
    await place(t(), ann, org.id, cat, { departmentIds: [sales.id] });

    const enabled = await setDepartmentGroup(t(), ann, org.id, sales.id, true);
    assert.equal(enabled.statusCode, 200, enabled.body);
    const groupId = (enabled.json() as Department).groupId!;
    assert.ok(groupId);
    assert.deepEqual(await memberIdsOf(t(), bob, groupId), sorted(bob.userId, cat.userId));
    const seen = (await conversationsOf(t(), bob)).find((c) => c.id === groupId)!;
    assert.deepEqual(
      [seen.name, seen.orgGroup, seen.organizationId],
      ['Sales', 'department', org.id],
    );
    // Turning it on twice keeps the one group.
    const twice = await setDepartmentGroup(t(), ann, org.id, sales.id, true);
    assert.equal((twice.json() as Department).groupId, groupId);

    await place(t(), ann, org.id, dan, { departmentIds: [sales.id, support.id] });
    await place(t(), ann, org.id, cat, { departmentIds: [support.id] });
    assert.deepEqual(await memberIdsOf(t(), bob, groupId), sorted(bob.userId, dan.userId));
    assert.equal((await call(t(), cat, 'GET', `/api/conversations/${groupId}`)).statusCode, 404);

    const renamed = await call(
      t(),
      ann,
      'PATCH',
      `/api/organizations/${org.id}/departments/${sales.id}`,
      {
        name: 'Sales & Marketing',
      },
    );
    assert.equal(renamed.statusCode, 200, renamed.body);
    const group = (
      await call(t(), bob, 'GET', `/api/conversations/${groupId}`)
    ).json() as Conversation;
    assert.equal(group.name, 'Sales & Marketing');

    const off = await setDepartmentGroup(t(), ann, org.id, sales.id, false);
    assert.equal((off.json() as Department).groupId, null);
    assert.equal((await call(t(), bob, 'GET', `/api/conversations/${groupId}`)).statusCode, 404);
  });

  it('dissolves the group of a deleted department; moved members join the destination group', async () => {
    const ann = await person(t(), 'Ann');
    const bob = await person(t(), 'Bob');
    const org = await orgWith(t(), ann, [bob]);
    const old = await department(t(), ann, org.id, 'Old');
    const next = await department(t(), ann, org.id, 'Next');
    await place(t(), ann, org.id, bob, { departmentIds: [old.id] });
    const oldGroup = (
      (await setDepartmentGroup(t(), ann, org.id, old.id, true)).json() as Department
    ).groupId!;
    const nextGroup = (
      (await setDepartmentGroup(t(), ann, org.id, next.id, true)).json() as Department
    ).groupId!;
    const deleted = await call(
      t(),
      ann,
      'DELETE',
      `/api/organizations/${org.id}/departments/${old.id}?moveMembersTo=${next.id}`,
    );
    assert.equal(deleted.statusCode, 204, deleted.body);
    assert.equal((await call(t(), bob, 'GET', `/api/conversations/${oldGroup}`)).statusCode, 404);
    assert.deepEqual(await memberIdsOf(t(), bob, nextGroup), [bob.userId]);
    const list = await call(t(), ann, 'GET', `/api/organizations/${org.id}/departments`);
    const departments = (list.json() as { departments: Department[] }).departments;
    assert.deepEqual(
      departments.map((d) => [d.name, d.groupId]),
      [['Next', nextGroup]],
    );
  });

  it('answers 400, 401, 403 and 404 for department groups', async () => {
    const ann = await person(t(), 'Ann');
    const bob = await person(t(), 'Bob');
    const sue = await person(t(), 'Sue');
    const eve = await person(t(), 'Eve');
    const org = await orgWith(t(), ann, [bob, sue]);
    const other = await orgWith(t(), eve, [], 'Elsewhere');
    const sales = await department(t(), ann, org.id, 'Sales');
    const support = await department(t(), ann, org.id, 'Support');
    const desk = await department(t(), ann, org.id, 'Help desk', support.id);
    const theirs = await department(t(), eve, other.id, 'Theirs');
    await makeSubAdmin(t(), ann, org.id, sue, {
      permissions: ['departments'],
      departmentId: support.id,
    });
    const url = `/api/organizations/${org.id}/departments/${sales.id}/group`;

    assert.equal((await call(t(), ann, 'PUT', url, {})).statusCode, 400);
    assert.equal((await call(t(), ann, 'PUT', url, { enabled: 'yes' })).statusCode, 400);
    assert.equal((await call(t(), ann, 'PUT', url, { enabled: true, extra: 1 })).statusCode, 400);
    const anonymous = await t().request({ method: 'PUT', url, payload: { enabled: true } });
    assert.equal(anonymous.statusCode, 401);
    const plain = await setDepartmentGroup(t(), bob, org.id, sales.id, true);
    assert.equal(plain.statusCode, 403, plain.body);
    // A sub-administrator's subtree is below Support; Sales is outside it.
    assert.equal((await setDepartmentGroup(t(), sue, org.id, sales.id, true)).statusCode, 403);
    assert.equal((await setDepartmentGroup(t(), sue, org.id, desk.id, true)).statusCode, 200);
    // Organization B's ids answer as if they did not exist.
    const foreignOrg = await setDepartmentGroup(t(), ann, other.id, theirs.id, true);
    const foreignDept = await setDepartmentGroup(t(), ann, org.id, theirs.id, true);
    assert.deepEqual([foreignOrg.statusCode, foreignDept.statusCode], [404, 404]);
    assert.equal(errorId(foreignOrg), 'not_found');
  });

  it('marks groups that reach beyond one workplace as external', async () => {
    const ann = await person(t(), 'Ann');
    const bob = await person(t(), 'Bob');
    const cat = await person(t(), 'Cat');
    const dan = await person(t(), 'Dan');
    const org = await orgWith(t(), ann, [bob]);
    await orgWith(t(), cat, [], 'Elsewhere');
    const external = (id: string, who = ann) =>
      conversationsOf(t(), who).then((list) => list.find((c) => c.id === id)?.external);

    // Personal groups: colleagues only, or with someone of no organization: internal.
    const colleagues = await groupWith(t(), ann, [bob, dan]);
    assert.equal(await external(colleagues.id), false);
    // With someone of another organization: external, for every member.
    const mixed = await groupWith(t(), ann, [cat]);
    assert.equal(await external(mixed.id), true);
    assert.equal(await external(mixed.id, cat), true);

    // An organization's own group: external as soon as an outsider joins.
    const owned = (
      await call(t(), ann, 'POST', '/api/conversations', { name: 'Deal', organizationId: org.id })
    ).json() as Conversation;
    const invite = await call(t(), ann, 'POST', `/api/conversations/${owned.id}/invites`, {});
    const { token } = invite.json() as { token: string };
    await call(t(), bob, 'POST', '/api/conversations/join', { token });
    assert.equal(await external(owned.id), false);
    const joined = await call(t(), dan, 'POST', '/api/conversations/join', { token });
    assert.equal((joined.json() as Conversation).external, true);
    assert.equal(await external(owned.id), true);
    const one = await call(t(), ann, 'GET', `/api/conversations/${owned.id}`);
    assert.equal((one.json() as Conversation).external, true);
  });
});
