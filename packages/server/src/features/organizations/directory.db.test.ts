import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { OrgMember } from '@carillon/protocol/organizations';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import {
  call,
  department,
  makeSubAdmin,
  orgWith,
  person,
  place,
  type Person,
} from './organizations.test-support';

describeEachDialect('organization directory', (dialect) => {
  const testApp = useTestApp(dialect, { env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });

  it('puts members in several departments with office details; job numbers for managers only', async () => {
    const t = testApp();
    const [admin, worker, colleague] = [await person(t), await person(t), await person(t)];
    const org = await orgWith(t, admin, [worker, colleague]);
    const [sales, support] = [
      await department(t, admin, org.id, 'Sales'),
      await department(t, admin, org.id, 'Support'),
    ];
    const updated = (await place(t, admin, org.id, worker, {
      position: 'Engineer',
      jobNumber: 'E-042',
      officeEmail: 'wei@harbour.example',
      officePhone: '+65 6000 0001',
      departmentIds: [sales.id, support.id],
    })) as OrgMember;
    assert.deepEqual(updated.departmentIds.sort(), [sales.id, support.id].sort());
    assert.equal(updated.jobNumber, 'E-042');
    const path = `/api/organizations/${org.id}/members/${worker.userId}`;
    const seen = (await call(t, colleague, 'GET', path)).json() as OrgMember;
    assert.equal(seen.officePhone, '+65 6000 0001', 'office phone is for every member');
    assert.equal(seen.officeEmail, 'wei@harbour.example');
    assert.equal('jobNumber' in seen, false, 'job numbers are for those who manage the member');
    const own = (await call(t, worker, 'GET', path)).json() as OrgMember;
    assert.equal(own.jobNumber, 'E-042');
    assert.equal((await call(t, colleague, 'PATCH', path, { position: 'CEO' })).statusCode, 403);
    assert.equal((await call(t, admin, 'PATCH', path, { officeEmail: 'nope' })).statusCode, 400);
    assert.equal(
      (await call(t, admin, 'PATCH', path, { departmentIds: [crypto.randomUUID()] })).statusCode,
      404,
    );
    const anonymous = await t.request({ method: 'GET', url: path });
    assert.equal(anonymous.statusCode, 401);
  });

  it('keeps a scoped members sub-administrator inside their subtree', async () => {
    const t = testApp();
    const [admin, sub, seller, clerk] = [
      await person(t),
      await person(t),
      await person(t),
      await person(t),
    ];
    const org = await orgWith(t, admin, [sub, seller, clerk]);
    const [sales, hr] = [
      await department(t, admin, org.id, 'Sales'),
      await department(t, admin, org.id, 'HR'),
    ];
    const east = await department(t, admin, org.id, 'East', sales.id);
    await place(t, admin, org.id, seller, { departmentIds: [sales.id] });
    await place(t, admin, org.id, clerk, { departmentIds: [hr.id] });
    await makeSubAdmin(t, admin, org.id, sub, { permissions: ['members'], departmentId: sales.id });
    const edit = (who: Person, body: object) =>
      call(t, sub, 'PATCH', `/api/organizations/${org.id}/members/${who.userId}`, body);
    assert.equal(
      (await edit(seller, { position: 'Lead', departmentIds: [east.id] })).statusCode,
      200,
    );
    assert.equal((await edit(clerk, { position: 'Lead' })).statusCode, 403);
    assert.equal((await edit(seller, { departmentIds: [hr.id] })).statusCode, 403);
    assert.equal((await edit(admin, { position: 'X' })).statusCode, 403);
    const seen = (
      await call(t, sub, 'GET', `/api/organizations/${org.id}/members/${seller.userId}`)
    ).json() as OrgMember;
    assert.equal(seen.jobNumber, null, 'a managing sub-admin sees the (empty) job number');
    const removeClerk = await call(
      t,
      sub,
      'DELETE',
      `/api/organizations/${org.id}/members/${clerk.userId}`,
    );
    assert.equal(removeClerk.statusCode, 403);
    const removeSeller = await call(
      t,
      sub,
      'DELETE',
      `/api/organizations/${org.id}/members/${seller.userId}`,
    );
    assert.equal(removeSeller.statusCode, 204);
  });

  it('lets members leave, but not the main administrator', async () => {
    const t = testApp();
    const [admin, member] = [await person(t), await person(t)];
    const org = await orgWith(t, admin, [member]);
    const sales = await department(t, admin, org.id, 'Sales');
    await call(t, admin, 'PATCH', `/api/organizations/${org.id}/departments/${sales.id}`, {
      managerId: member.userId,
    });
    const leave = (who: Person) =>
      call(t, who, 'DELETE', `/api/organizations/${org.id}/members/${who.userId}`);
    assert.equal((await leave(admin)).statusCode, 409);
    assert.equal((await leave(member)).statusCode, 204);
    assert.equal((await call(t, member, 'GET', `/api/organizations/${org.id}`)).statusCode, 404);
    const departments = await call(t, admin, 'GET', `/api/organizations/${org.id}/departments`);
    assert.equal(
      (departments.json() as { departments: { managerId: string | null }[] }).departments[0]!
        .managerId,
      null,
    );
  });
});
