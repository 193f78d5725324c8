import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Department } from '@carillon/protocol/organizations';
import { errorId } from '../../../test/factories';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import {
  call,
  department,
  makeSubAdmin,
  orgWith,
  person,
  place,
} from './organizations.test-support';

describeEachDialect('organization departments', (dialect) => {
  const testApp = useTestApp(dialect, { env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });

  const list = async (
    t: ReturnType<typeof testApp>,
    who: { token: string; userId: string },
    orgId: string,
  ) =>
    (
      (await call(t, who, 'GET', `/api/organizations/${orgId}/departments`)).json() as {
        departments: Department[];
      }
    ).departments;

  it('creates, renames, moves and sets a manager; every member sees the tree', async () => {
    const t = testApp();
    const [admin, member] = [await person(t), await person(t)];
    const org = await orgWith(t, admin, [member]);
    const sales = await department(t, admin, org.id, 'Sales');
    const east = await department(t, admin, org.id, 'East', sales.id);
    const hr = await department(t, admin, org.id, 'HR');
    const path = `/api/organizations/${org.id}/departments/${east.id}`;
    const moved = await call(t, admin, 'PATCH', path, {
      name: 'East coast',
      parentId: hr.id,
      managerId: member.userId,
    });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.deepEqual(moved.json(), {
      id: east.id,
      parentId: hr.id,
      name: 'East coast',
      managerId: member.userId,
      memberCount: 0,
      groupId: null,
    });
    const tree = await list(t, member, org.id);
    assert.deepEqual(
      tree.map((d) => [d.name, d.parentId]),
      [
        ['East coast', hr.id],
        ['HR', null],
        ['Sales', null],
      ],
    );
    const toTop = await call(t, admin, 'PATCH', path, { parentId: null });
    assert.equal((toTop.json() as Department).parentId, null);
  });

  it('answers 400, 401, 403 and 404', async () => {
    const t = testApp();
    const [admin, member, stranger] = [await person(t), await person(t), await person(t)];
    const org = await orgWith(t, admin, [member]);
    const sales = await department(t, admin, org.id, 'Sales');
    const base = `/api/organizations/${org.id}/departments`;
    assert.equal((await call(t, admin, 'POST', base, { name: '' })).statusCode, 400);
    assert.equal(
      (await call(t, admin, 'PATCH', `${base}/${sales.id}`, { colour: 'red' })).statusCode,
      400,
    );
    assert.equal((await t.request({ method: 'GET', url: base })).statusCode, 401);
    assert.equal((await call(t, member, 'POST', base, { name: 'Mine' })).statusCode, 403);
    assert.equal(
      (await call(t, member, 'PATCH', `${base}/${sales.id}`, { name: 'X' })).statusCode,
      403,
    );
    assert.equal((await call(t, member, 'DELETE', `${base}/${sales.id}`)).statusCode, 403);
    assert.equal((await call(t, stranger, 'GET', base)).statusCode, 404);
    assert.equal((await call(t, stranger, 'POST', base, { name: 'X' })).statusCode, 404);
    const unknownParent = await call(t, admin, 'POST', base, {
      name: 'Lost',
      parentId: crypto.randomUUID(),
    });
    assert.equal(unknownParent.statusCode, 404);
    const unknownManager = await call(t, admin, 'PATCH', `${base}/${sales.id}`, {
      managerId: stranger.userId,
    });
    assert.equal(unknownManager.statusCode, 404, 'a manager must be a member');
  });

  it('refuses cycles: under itself or under its own subtree', async () => {
    const t = testApp();
    const admin = await person(t);
    const org = await orgWith(t, admin);
    const a = await department(t, admin, org.id, 'A');
    const b = await department(t, admin, org.id, 'B', a.id);
    const c = await department(t, admin, org.id, 'C', b.id);
    const move = (id: string, parentId: string) =>
      call(t, admin, 'PATCH', `/api/organizations/${org.id}/departments/${id}`, { parentId });
    const self = await move(a.id, a.id);
    assert.deepEqual([self.statusCode, errorId(self)], [409, 'conflict']);
    assert.equal((await move(a.id, c.id)).statusCode, 409);
    assert.equal((await move(c.id, a.id)).statusCode, 200, 'moving up is fine');
  });

  it('refuses two concurrent moves that would together form a cycle', async () => {
    const t = testApp();
    const admin = await person(t);
    const org = await orgWith(t, admin);
    for (let round = 0; round < 5; round++) {
      const x = await department(t, admin, org.id, `X${round}`);
      const y = await department(t, admin, org.id, `Y${round}`);
      const [first, second] = await Promise.all([
        call(t, admin, 'PATCH', `/api/organizations/${org.id}/departments/${x.id}`, {
          parentId: y.id,
        }),
        call(t, admin, 'PATCH', `/api/organizations/${org.id}/departments/${y.id}`, {
          parentId: x.id,
        }),
      ]);
      assert.deepEqual([first.statusCode, second.statusCode].sort(), [200, 409]);
      const tree = new Map((await list(t, admin, org.id)).map((d) => [d.id, d.parentId]));
      assert.ok(tree.get(x.id) === null || tree.get(y.id) === null, 'one of them stays on top');
    }
  });

  it('deletes only empty departments, or moves members to moveMembersTo', async () => {
    const t = testApp();
    const [admin, member] = [await person(t), await person(t)];
    const org = await orgWith(t, admin, [member]);
    const sales = await department(t, admin, org.id, 'Sales');
    const east = await department(t, admin, org.id, 'East', sales.id);
    const hr = await department(t, admin, org.id, 'HR');
    await place(t, admin, org.id, member, { departmentIds: [sales.id, hr.id] });
    const del = (id: string, query = '') =>
      call(t, admin, 'DELETE', `/api/organizations/${org.id}/departments/${id}${query}`);
    assert.equal((await del(sales.id)).statusCode, 409, 'it has a sub-department');
    assert.equal((await del(east.id)).statusCode, 204);
    assert.equal((await del(sales.id)).statusCode, 409, 'it has a member');
    assert.equal((await del(sales.id, `?moveMembersTo=${sales.id}`)).statusCode, 404);
    assert.equal((await del(sales.id, '?moveMembersTo=nope')).statusCode, 400);
    assert.equal((await del(sales.id, `?moveMembersTo=${hr.id}`)).statusCode, 204);
    const tree = await list(t, admin, org.id);
    assert.deepEqual(
      tree.map((d) => [d.name, d.memberCount]),
      [['HR', 1]],
    );
    assert.equal((await del(sales.id)).statusCode, 404);
  });

  it('keeps a scoped sub-administrator inside their subtree (403 outside)', async () => {
    const t = testApp();
    const [admin, sub] = [await person(t), await person(t)];
    const org = await orgWith(t, admin, [sub]);
    const sales = await department(t, admin, org.id, 'Sales');
    const east = await department(t, admin, org.id, 'East', sales.id);
    const hr = await department(t, admin, org.id, 'HR');
    await makeSubAdmin(t, admin, org.id, sub, {
      permissions: ['departments'],
      departmentId: sales.id,
    });
    const base = `/api/organizations/${org.id}/departments`;
    const inside = await call(t, sub, 'POST', base, { name: 'West', parentId: sales.id });
    assert.equal(inside.statusCode, 201);
    assert.equal((await call(t, sub, 'POST', base, { name: 'Top' })).statusCode, 403);
    assert.equal(
      (await call(t, sub, 'POST', base, { name: 'Pay', parentId: hr.id })).statusCode,
      403,
    );
    assert.equal(
      (await call(t, sub, 'PATCH', `${base}/${hr.id}`, { name: 'People' })).statusCode,
      403,
    );
    assert.equal(
      (await call(t, sub, 'PATCH', `${base}/${sales.id}`, { name: 'S' })).statusCode,
      403,
    );
    assert.equal(
      (await call(t, sub, 'PATCH', `${base}/${east.id}`, { parentId: hr.id })).statusCode,
      403,
      'cannot move a department out of the subtree',
    );
    assert.equal((await call(t, sub, 'DELETE', `${base}/${hr.id}`)).statusCode, 403);
    const west = inside.json() as Department;
    assert.equal(
      (await call(t, sub, 'PATCH', `${base}/${west.id}`, { parentId: east.id })).statusCode,
      200,
    );
    assert.equal((await call(t, sub, 'DELETE', `${base}/${west.id}`)).statusCode, 204);
  });
});
