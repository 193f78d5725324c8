import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { AccessLogEntry } from '@carillon/protocol/audit';
import type { EnterpriseAccount } from '@carillon/protocol/org-admin';
import type { Organization } from '@carillon/protocol/organizations';
import { bearer, errorId } from '../../../test/factories';
import { describeEachDialect, useTestApp, type TestApp } from '../../../test/harness';
import {
  enterpriseLogin,
  enterpriseMember,
  enterprisePassword,
  orgCode,
} from './org-admin.test-support';
import { allStaffOf, memberIdsOf, setDepartmentGroup } from './org-chats.test-support';
import { call, department, makeSubAdmin, orgWith, person } from './organizations.test-support';

/** The access log of the person behind `token`, newest first. */
async function accessLog(t: TestApp, token: string): Promise<AccessLogEntry[]> {
  const log = await t.request({
    method: 'GET',
    url: '/api/privacy/access-log',
    headers: bearer(token),
  });
  return (log.json() as { entries: AccessLogEntry[] }).entries;
}

describeEachDialect('enterprise accounts', (dialect) => {
  const testApp = useTestApp(dialect, { env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });

  it('creates an account that signs in with code + name + password and is a member at once', async () => {
    const t = testApp();
    const admin = await person(t);
    const org = await orgWith(t, admin);
    const { account, grant, code } = await enterpriseMember(t, admin, org.id, 'li.wei');
    assert.equal(account.accountName, 'li.wei');
    assert.equal(account.name, 'Member li.wei');
    assert.equal(account.disabledAt, null);
    assert.match(code, /^[A-Z0-9]{8}$/);
    assert.equal(await orgCode(t, admin, org.id), code, 'the code is stable');
    const mine = await call(t, grant, 'GET', '/api/organizations');
    const orgs = (mine.json() as { organizations: Organization[] }).organizations;
    assert.deepEqual(
      orgs.map((o) => [o.id, o.myRole]),
      [[org.id, 'member']],
    );
    // Case is ignored in the code and the account name.
    const again = await enterpriseLogin(t, code.toLowerCase(), 'LI.WEI');
    assert.equal(again.statusCode, 200, again.body);
    for (const [c, n, p] of [
      [code, 'li.wei', 'wrong password entirely'],
      [code, 'nobody', enterprisePassword],
      ['ZZZZZZZZ', 'li.wei', enterprisePassword],
    ] as const) {
      const refused = await enterpriseLogin(t, c, n, p);
      assert.equal(refused.statusCode, 401, refused.body);
      assert.equal(errorId(refused), 'invalid_credentials');
    }
    const listed = await call(t, admin, 'GET', `/api/organizations/${org.id}/enterprise-accounts`);
    assert.deepEqual(
      (listed.json() as { accounts: EnterpriseAccount[] }).accounts.map((a) => a.userId),
      [account.userId],
    );
  });

  it('puts a new account in the all-staff group and its department groups, as any newcomer', async () => {
    const t = testApp();
    const admin = await person(t);
    const org = await orgWith(t, admin);
    const sales = await department(t, admin, org.id, 'Sales');
    const enabled = await setDepartmentGroup(t, admin, org.id, sales.id, true);
    assert.equal(enabled.statusCode, 200, enabled.body);
    const { grant } = await enterpriseMember(t, admin, org.id, 'mei.tan', [sales.id]);
    const allStaff = await allStaffOf(t, grant, org.id);
    assert.ok(allStaff, 'the account sees the all-staff group');
    assert.deepEqual(await memberIdsOf(t, admin, allStaff.id), [admin.userId, grant.userId].sort());
    const groupId = (enabled.json() as { groupId: string }).groupId;
    assert.deepEqual(await memberIdsOf(t, grant, groupId), [grant.userId]);
  });

  it('answers 400 for bad names, weak passwords and malformed log-ins; 409 for a taken name', async () => {
    const t = testApp();
    const admin = await person(t);
    const org = await orgWith(t, admin);
    const url = `/api/organizations/${org.id}/enterprise-accounts`;
    const bad = await call(t, admin, 'POST', url, {
      accountName: 'no spaces!',
      name: 'X',
      password: enterprisePassword,
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(errorId(bad), 'validation_failed');
    const weak = await call(t, admin, 'POST', url, {
      accountName: 'zhang',
      name: 'Zhang',
      password: 'password1',
    });
    assert.equal(weak.statusCode, 400);
    assert.equal(errorId(weak), 'weak_password');
    const fromName = await call(t, admin, 'POST', url, {
      accountName: 'zhangsan',
      name: 'Zhang',
      password: 'zhangsan-1234567',
    });
    assert.equal(errorId(fromName), 'weak_password', 'not built from the account name');
    await enterpriseMember(t, admin, org.id, 'zhang');
    const taken = await call(t, admin, 'POST', url, {
      accountName: 'ZHANG',
      name: 'Other Zhang',
      password: enterprisePassword,
    });
    assert.equal(taken.statusCode, 409, taken.body);
    const mixed = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: {
        organizationCode: await orgCode(t, admin, org.id),
        accountName: 'zhang',
        phone: '+8613800000000',
        password: enterprisePassword,
        device: { name: 'x', platform: 'web' },
      },
    });
    assert.equal(mixed.statusCode, 400, 'a log-in is one kind or the other');
    const anonymous = await t.request({ method: 'POST', url, payload: {} });
    assert.equal(anonymous.statusCode, 401);
  });

  it('lets sub-administrators act only inside their subtree, members not at all: 403', async () => {
    const t = testApp();
    const [admin, sub, plain] = [await person(t), await person(t), await person(t)];
    const org = await orgWith(t, admin, [sub, plain]);
    const sales = await department(t, admin, org.id, 'Sales');
    const east = await department(t, admin, org.id, 'East', sales.id);
    const ops = await department(t, admin, org.id, 'Operations');
    await makeSubAdmin(t, admin, org.id, sub, {
      permissions: ['members'],
      departmentId: sales.id,
    });
    const url = `/api/organizations/${org.id}/enterprise-accounts`;
    const body = (accountName: string, departmentIds: string[]) => ({
      accountName,
      name: accountName,
      password: enterprisePassword,
      departmentIds,
    });
    for (const [who, payload] of [
      [plain, body('m1', [])],
      [sub, body('s1', [])],
      [sub, body('s2', [ops.id])],
    ] as const) {
      const refused = await call(t, who, 'POST', url, payload);
      assert.equal(refused.statusCode, 403, refused.body);
      assert.equal(errorId(refused), 'forbidden');
    }
    const inside = await call(t, sub, 'POST', url, body('east.one', [east.id]));
    assert.equal(inside.statusCode, 201, inside.body);
    const insideId = (inside.json() as EnterpriseAccount).userId;
    const outside = await enterpriseMember(t, admin, org.id, 'ops.one', [ops.id]);
    const outsideId = outside.account.userId;
    for (const path of ['disable', 'enable']) {
      const refused = await call(t, sub, 'POST', `${url}/${outsideId}/${path}`);
      assert.equal(refused.statusCode, 403, `${path}: ${refused.body}`);
    }
    const reset = await call(t, sub, 'POST', `${url}/${outsideId}/password`, {
      password: 'another long passphrase',
    });
    assert.equal(reset.statusCode, 403);
    const read = await call(t, sub, 'GET', `${url}/${outsideId}?purpose=check%20devices`);
    assert.equal(read.statusCode, 403);
    const disabledInside = await call(t, sub, 'POST', `${url}/${insideId}/disable`);
    assert.equal(disabledInside.statusCode, 200, disabledInside.body);
    const list = await call(t, sub, 'GET', url);
    assert.equal(list.statusCode, 403, 'listing every account needs the whole organization');
    const code = await call(t, plain, 'GET', `/api/organizations/${org.id}/code`);
    assert.equal(code.statusCode, 403);
  });

  it('hides organization A from B: 404 for every enterprise-account route', async () => {
    const t = testApp();
    const [adminA, adminB] = [await person(t), await person(t)];
    const a = await orgWith(t, adminA, [], 'A');
    await orgWith(t, adminB, [], 'B');
    const { account } = await enterpriseMember(t, adminA, a.id, 'a.one');
    const url = `/api/organizations/${a.id}/enterprise-accounts`;
    const attempts: [string, string, object?][] = [
      ['GET', `/api/organizations/${a.id}/code`],
      ['GET', url],
      ['POST', url, { accountName: 'intruder', name: 'I', password: enterprisePassword }],
      ['GET', `${url}/${account.userId}?purpose=curious%20about%20it`],
      ['POST', `${url}/${account.userId}/password`, { password: 'another long passphrase' }],
      ['POST', `${url}/${account.userId}/disable`],
      ['POST', `${url}/${account.userId}/enable`],
    ];
    for (const [method, path, body] of attempts) {
      const response = await call(t, adminB, method as 'GET', path, body);
      assert.equal(response.statusCode, 404, `${method} ${path}: ${response.body}`);
    }
    const personal = await call(t, adminA, 'POST', `${url}/${adminB.userId}/disable`);
    assert.equal(personal.statusCode, 404, 'a personal account is no enterprise account');
    const department = await call(t, adminA, 'POST', url, {
      accountName: 'lost',
      name: 'Lost',
      password: enterprisePassword,
      departmentIds: [adminB.userId],
    });
    assert.equal(department.statusCode, 404);
  });

  it('resets the password (old sessions end), disables (sign-in refused) and re-enables', async () => {
    const t = testApp();
    const admin = await person(t);
    const org = await orgWith(t, admin);
    const { account, grant, code } = await enterpriseMember(t, admin, org.id, 'wang');
    const url = `/api/organizations/${org.id}/enterprise-accounts/${account.userId}`;
    const reset = await call(t, admin, 'POST', `${url}/password`, {
      password: 'a brand new passphrase',
    });
    assert.equal(reset.statusCode, 204, reset.body);
    const old = await t.request({
      method: 'GET',
      url: '/api/account',
      headers: bearer(grant.token),
    });
    assert.equal(old.statusCode, 401, 'the reset ends every session');
    assert.equal((await enterpriseLogin(t, code, 'wang')).statusCode, 401);
    const fresh = await enterpriseLogin(t, code, 'wang', 'a brand new passphrase');
    assert.equal(fresh.statusCode, 200, fresh.body);
    const token = (fresh.json() as { token: string }).token;

    const disabled = await call(t, admin, 'POST', `${url}/disable`);
    assert.equal(disabled.statusCode, 200, disabled.body);
    assert.equal((disabled.json() as EnterpriseAccount).disabledAt, t.clock.now());
    const after = await t.request({ method: 'GET', url: '/api/account', headers: bearer(token) });
    assert.equal(after.statusCode, 401, 'disabling ends every session');
    const refused = await enterpriseLogin(t, code, 'wang', 'a brand new passphrase');
    assert.equal(refused.statusCode, 403, refused.body);
    assert.equal(errorId(refused), 'account_disabled');

    const enabled = await call(t, admin, 'POST', `${url}/enable`);
    assert.equal((enabled.json() as EnterpriseAccount).disabledAt, null);
    const back = await enterpriseLogin(t, code, 'wang', 'a brand new passphrase');
    assert.equal(back.statusCode, 200, back.body);

    const actions = (await accessLog(t, (back.json() as { token: string }).token))
      .map((e) => e.action)
      .filter((a) => a.startsWith('organization.'))
      .reverse();
    assert.deepEqual(actions, [
      'organization.enterprise_account_created',
      'organization.enterprise_password_reset',
      'organization.enterprise_account_disabled',
      'organization.enterprise_account_enabled',
    ]);
  });

  it('lifts a freeze the holder put on when the organization sets a new password (ADR 13)', async () => {
    const t = testApp();
    const admin = await person(t);
    const org = await orgWith(t, admin);
    const { account, grant, code } = await enterpriseMember(t, admin, org.id, 'li');
    const frozen = await t.request({
      method: 'POST',
      url: '/api/account/freeze',
      headers: bearer(grant.token),
      payload: { password: enterprisePassword },
    });
    assert.equal(frozen.statusCode, 204, frozen.body);
    const refused = await enterpriseLogin(t, code, 'li');
    assert.equal(refused.statusCode, 403, refused.body);
    assert.equal(errorId(refused), 'account_frozen');

    const url = `/api/organizations/${org.id}/enterprise-accounts/${account.userId}`;
    const reset = await call(t, admin, 'POST', `${url}/password`, {
      password: 'quiet river at dawn',
    });
    assert.equal(reset.statusCode, 204, reset.body);
    assert.equal(
      (await enterpriseLogin(t, code, 'li')).statusCode,
      401,
      'the old password is gone',
    );
    const back = await enterpriseLogin(t, code, 'li', 'quiet river at dawn');
    assert.equal(back.statusCode, 200, back.body);

    const actions = (await accessLog(t, (back.json() as { token: string }).token)).map(
      (e) => e.action,
    );
    assert.ok(actions.includes('organization.enterprise_account_unfrozen'), actions.join());
    // A second reset of an account that is not frozen unfreezes nothing.
    await call(t, admin, 'POST', `${url}/password`, { password: 'quiet river at noon' });
    const noon = await enterpriseLogin(t, code, 'li', 'quiet river at noon');
    const unfrozen = (await accessLog(t, (noon.json() as { token: string }).token)).filter(
      (e) => e.action === 'organization.enterprise_account_unfrozen',
    );
    assert.equal(unfrozen.length, 1);
  });

  it('tells of new devices, shows devices only with a purpose the member then sees', async () => {
    const t = testApp();
    const admin = await person(t);
    const org = await orgWith(t, admin);
    const { account, grant, code } = await enterpriseMember(t, admin, org.id, 'chen');
    const phone = await enterpriseLogin(t, code, 'chen', enterprisePassword, 'Phone');
    assert.equal(phone.statusCode, 200);
    const notices = await t.request({
      method: 'GET',
      url: '/api/account/security-notices',
      headers: bearer(grant.token),
    });
    const kinds = (notices.json() as { notices: { kind: string }[] }).notices.map((n) => n.kind);
    assert.deepEqual(kinds, ['new_device']);

    const url = `/api/organizations/${org.id}/enterprise-accounts/${account.userId}`;
    const unstated = await call(t, admin, 'GET', url);
    assert.equal(unstated.statusCode, 400, 'a purpose is required');
    const read = await call(t, admin, 'GET', `${url}?purpose=lost%20laptop%20report`);
    assert.equal(read.statusCode, 200, read.body);
    const detail = read.json() as { sessions: { device: { name: string } }[] };
    assert.deepEqual(detail.sessions.map((s) => s.device.name).sort(), ['Office PC', 'Phone']);
    const entry = (await accessLog(t, grant.token)).find(
      (e) => e.action === 'organization.enterprise_account_viewed',
    );
    assert.equal(entry?.purpose, 'lost laptop report');
    assert.equal(entry?.actorKind, 'user');
    assert.equal(entry?.byYou, false);
  });

  it('marks everything about an enterprise account organization-controlled', async () => {
    const t = testApp();
    const admin = await person(t);
    const org = await orgWith(t, admin);
    const { account } = await enterpriseMember(t, admin, org.id, 'zhou');
    const report = await t.app.dataEngines.accessReport(account.userId);
    const users = report.items.find((i) => i.table === 'users');
    assert.equal(users?.controller, 'organization', 'the account itself is the organization’s');
    assert.ok(report.items.every((i) => i.controller === 'organization'));
    const own = await t.app.dataEngines.accessReport(admin.userId);
    assert.equal(own.items.find((i) => i.table === 'users')?.controller, 'personal');
  });
});
