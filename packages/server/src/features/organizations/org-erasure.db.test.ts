import assert from 'node:assert/strict';
import { it } from 'node:test';
import { bearer } from '../../../test/factories';
import { describeEachDialect, useTestApp, type TestApp } from '../../../test/harness';
import { submit, submitVerified, verify } from '../../privacy/rights/rights.fixtures';
import { call, department, orgWith, person, place } from './organizations.test-support';

const DAY_MS = 24 * 60 * 60 * 1000;
const COOLING_OFF = 7 * DAY_MS;

async function roles(t: TestApp, orgId: string) {
  const rows = await t.db.db
    .selectFrom('organization_members')
    .select(['user_id', 'role'])
    .where('organization_id', '=', orgId)
    .execute();
  return new Map(rows.map((r) => [r.user_id, r.role]));
}

describeEachDialect('erasing a person and the organizations they belong to (ADR 14)', (dialect) => {
  const testApp = useTestApp(dialect, { env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });

  it('refuses cancellation to the main administrator of an organization with members', async () => {
    const t = testApp();
    const [admin, worker] = [await person(t), await person(t)];
    const org = await orgWith(t, admin, [worker], 'Harbour Works');
    const refused = await t.request({
      method: 'POST',
      url: '/api/privacy/requests',
      headers: bearer(admin.token),
      payload: { kind: 'cancel_account' },
    });
    assert.equal(refused.statusCode, 409, refused.body);
    assert.match(refused.json().error.message, /“Harbour Works”/);

    const handed = await call(t, admin, 'POST', `/api/organizations/${org.id}/transfer`, {
      userId: worker.userId,
    });
    assert.equal(handed.statusCode, 200, handed.body);
    const request = await submitVerified(t, admin, { kind: 'cancel_account' });
    assert.equal(request.status, 'in_progress', 'allowed once the role is handed over');
  });

  it('keeps the organization its records, unlinked, and drops the membership', async () => {
    const t = testApp();
    const [admin, worker] = [await person(t), await person(t)];
    const org = await orgWith(t, admin, [worker]);
    const dept = await department(t, admin, org.id, 'Yard');
    await place(t, admin, org.id, worker, { position: 'Crane operator', departmentIds: [dept.id] });
    await call(t, admin, 'PATCH', `/api/organizations/${org.id}/departments/${dept.id}`, {
      managerId: worker.userId,
    });
    await submitVerified(t, worker, { kind: 'access' });
    await submitVerified(t, worker, { kind: 'cancel_account' });
    t.clock.advance(COOLING_OFF);
    assert.ok((await t.app.erasureJobs.runDue()) >= 1, 'jobs of earlier tests may be due too');

    assert.equal(
      (await roles(t, org.id)).has(worker.userId),
      false,
      'no membership of a gone account',
    );
    const department_ = await t.db.db
      .selectFrom('organization_departments')
      .select(['name', 'manager_id'])
      .where('id', '=', dept.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(department_, { name: 'Yard', manager_id: null });
    const routed = await t.db.db
      .selectFrom('organization_rights_requests')
      .select(['user_id', 'kind'])
      .where('organization_id', '=', org.id)
      .execute();
    assert.deepEqual(
      routed,
      [{ user_id: null, kind: 'access' }],
      'the record stays, naming nobody',
    );
  });

  it('hands the role on, or dissolves an organization left empty, when a main administrator is erased', async () => {
    const t = testApp();
    const [founder, deputy, veteran, heir] = [
      await person(t),
      await person(t),
      await person(t),
      await person(t),
    ];
    const solo = await orgWith(t, heir, [], 'Solo Studio');
    const org = await orgWith(t, founder, [veteran, heir, deputy], 'Harbour Works');
    await call(t, founder, 'PUT', `/api/organizations/${org.id}/members/${deputy.userId}/role`, {
      role: 'sub_admin',
      scope: { permissions: ['members'], departmentId: null },
    });
    // The heir cancels (the solo organization does not block it), then is handed the role.
    const { request, code } = await submit(t, heir, { kind: 'cancel_account' });
    assert.equal((await verify(t, heir, request.id, code)).statusCode, 200);
    const handed = await call(t, founder, 'POST', `/api/organizations/${org.id}/transfer`, {
      userId: heir.userId,
    });
    assert.equal(handed.statusCode, 200, handed.body);

    t.clock.advance(COOLING_OFF);
    assert.ok((await t.app.erasureJobs.runDue()) >= 1, 'jobs of earlier tests may be due too');
    const after = await roles(t, org.id);
    assert.equal(after.get(deputy.userId), 'main_admin', 'a sub-administrator takes over first');
    assert.equal(after.has(heir.userId), false);
    assert.equal([...after.values()].filter((r) => r === 'main_admin').length, 1);
    const soloLeft = await t.db.db
      .selectFrom('organizations')
      .select('id')
      .where('id', '=', solo.id)
      .execute();
    assert.deepEqual(soloLeft, [], 'nobody is left to run it, so it is dissolved');
  });
});
