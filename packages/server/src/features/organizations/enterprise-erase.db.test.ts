import assert from 'node:assert/strict';
import { it } from 'node:test';
import { errorId } from '../../../test/factories';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { auditActions } from '../../privacy/rights/rights.fixtures';
import { enterpriseLogin, enterpriseMember } from './org-admin.test-support';
import { call, department, makeSubAdmin, orgWith, person } from './organizations.test-support';

describeEachDialect('deleting enterprise accounts (ORG-3)', (dialect) => {
  const testApp = useTestApp(dialect, { env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });

  it('lets the organization delete one with a password; the holder cannot cancel it', async () => {
    const t = testApp();
    const admin = await person(t);
    const org = await orgWith(t, admin, [], 'Harbour Works');
    const { account, grant, code } = await enterpriseMember(t, admin, org.id, 'temp.worker');
    const worker = { userId: grant.userId, token: grant.token };
    const url = `/api/organizations/${org.id}/enterprise-accounts/${account.userId}/erase`;

    const cancel = await call(t, worker, 'POST', '/api/privacy/requests', {
      kind: 'cancel_account',
    });
    assert.equal(cancel.statusCode, 409, cancel.body);
    assert.match(cancel.json().error.message, /enterprise account of “Harbour Works”/);

    const wrong = await call(t, admin, 'POST', url, { password: 'not my password at all' });
    assert.equal(wrong.statusCode, 401, wrong.body);
    assert.equal(errorId(wrong), 'invalid_credentials');
    assert.equal((await call(t, admin, 'POST', url, {})).statusCode, 400);
    assert.equal((await call(t, worker, 'GET', '/api/account')).statusCode, 200, 'nothing yet');

    const erased = await call(t, admin, 'POST', url, { password: admin.password });
    assert.equal(erased.statusCode, 204, erased.body);
    assert.equal((await call(t, worker, 'GET', '/api/account')).statusCode, 401, 'sessions end');
    assert.equal((await enterpriseLogin(t, code, 'temp.worker')).statusCode, 401, 'gone');
    const users = await t.db.db
      .selectFrom('users')
      .select('id')
      .where('id', '=', account.userId)
      .execute();
    assert.deepEqual(users, [], 'erased as a cancellation erases');
    const actions = (await auditActions(t)).map((a) => a.action);
    assert.ok(actions.includes('organization.enterprise_account_deleted'));
    assert.ok(actions.includes('account.erased'));
    const again = await call(t, admin, 'POST', url, { password: admin.password });
    assert.equal(again.statusCode, 404, 'once gone, not found');
  });

  it('refuses outsiders, members and sub-administrators outside their subtree: 401/403/404', async () => {
    const t = testApp();
    const [admin, sub, plain, otherAdmin] = [
      await person(t),
      await person(t),
      await person(t),
      await person(t),
    ];
    const org = await orgWith(t, admin, [sub, plain]);
    await orgWith(t, otherAdmin, [], 'Elsewhere');
    const sales = await department(t, admin, org.id, 'Sales');
    const ops = await department(t, admin, org.id, 'Operations');
    await makeSubAdmin(t, admin, org.id, sub, { permissions: ['members'], departmentId: sales.id });
    const { account } = await enterpriseMember(t, admin, org.id, 'ops.two', [ops.id]);
    const url = `/api/organizations/${org.id}/enterprise-accounts/${account.userId}/erase`;

    const anonymous = await t.request({
      method: 'POST',
      url,
      payload: { password: 'x'.repeat(12) },
    });
    assert.equal(anonymous.statusCode, 401);
    for (const [who, status] of [
      [plain, 403],
      [sub, 403],
      [otherAdmin, 404],
    ] as const) {
      const refused = await call(t, who, 'POST', url, { password: who.password });
      assert.equal(refused.statusCode, status, refused.body);
    }
    const personal = `/api/organizations/${org.id}/enterprise-accounts/${plain.userId}/erase`;
    const notOne = await call(t, admin, 'POST', personal, { password: admin.password });
    assert.equal(notOne.statusCode, 404, 'a personal account is never the organization’s to erase');
    const still = await call(t, admin, 'GET', `/api/organizations/${org.id}/enterprise-accounts`);
    assert.equal(still.json().accounts.length, 1);
  });
});
