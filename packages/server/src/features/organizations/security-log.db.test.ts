import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { AccessLogEntry } from '@carillon/protocol/audit';
import { bearer, errorId } from '../../../test/factories';
import { describeEachDialect, useTestApp, type TestApp } from '../../../test/harness';
import { uploadFile } from '../files/files.test-support';
import { enterpriseLogin, enterpriseMember } from './org-admin.test-support';
import {
  call,
  department,
  makeSubAdmin,
  orgWith,
  person,
  place,
  type Person,
} from './organizations.test-support';

const DAY = 24 * 60 * 60 * 1000;
const purpose = 'purpose=weekly%20security%20review';

interface Entry {
  id: string;
  userId: string;
  kind: string;
  detail: Record<string, string>;
}
interface Page {
  entries: Entry[];
  nextBefore: string | null;
}

async function securityLog(t: TestApp, who: Person, orgId: string, query = '') {
  const response = await call(
    t,
    who,
    'GET',
    `/api/organizations/${orgId}/security-log?${purpose}${query}`,
  );
  assert.equal(response.statusCode, 200, response.body);
  return response.json() as Page;
}

describeEachDialect('security log', (dialect) => {
  const testApp = useTestApp(dialect, { env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });

  it("records members' log-ins, new devices, log-outs, downloads and admin actions, in their organizations only", async () => {
    const t = testApp();
    const [adminA, adminB] = [await person(t), await person(t)];
    const a = await orgWith(t, adminA, [], 'A');
    const b = await orgWith(t, adminB, [], 'B');
    const { account, grant, code } = await enterpriseMember(t, adminA, a.id, 'log.me');
    const second = await enterpriseLogin(t, code, 'log.me', undefined, 'Tablet');
    const tablet = second.json() as { token: string; sessionId: string };
    const file = await uploadFile(t, grant.token, {
      bytes: Buffer.from('quarterly figures\n'),
      filename: 'q3.txt',
    });
    const download = await t.request({
      method: 'GET',
      url: `/api/files/${file.id}`,
      headers: bearer(grant.token),
    });
    assert.equal(download.statusCode, 200);
    const out = await t.request({
      method: 'POST',
      url: '/api/auth/logout',
      headers: bearer(tablet.token),
    });
    assert.equal(out.statusCode, 204);

    const mine = await securityLog(t, adminA, a.id, `&memberId=${account.userId}`);
    const kinds = mine.entries.map((e) => e.kind).reverse();
    assert.deepEqual(kinds, [
      'new_device',
      'login',
      'new_device',
      'login',
      'file_download',
      'logout',
    ]);
    assert.equal(mine.entries.find((e) => e.kind === 'login')?.detail.device, 'Tablet');
    assert.equal(mine.entries.find((e) => e.kind === 'file_download')?.detail.fileId, file.id);

    const admin = await securityLog(t, adminA, a.id, `&memberId=${adminA.userId}`);
    assert.deepEqual(
      admin.entries.filter((e) => e.kind === 'admin_action').map((e) => e.detail.action),
      [
        'organization.security_log_viewed',
        'organization.enterprise_account_created',
        'organization.created',
      ],
      'every administrative action, reading the log included',
    );
    const inB = await securityLog(t, adminB, b.id);
    assert.ok(
      inB.entries.every((e) => e.userId === adminB.userId),
      "A's members appear nowhere in B's log",
    );
    const outsider = await person(t);
    await enterpriseLogin(t, code, 'log.me');
    const all = await securityLog(t, adminA, a.id);
    assert.ok(!all.entries.some((e) => e.userId === outsider.userId), 'non-members are not logged');
  });

  it('filters by member and kind, pages newest first, and audits each member shown', async () => {
    const t = testApp();
    const admin = await person(t);
    const org = await orgWith(t, admin, [], 'Paging');
    const { account, code, grant } = await enterpriseMember(t, admin, org.id, 'pager');
    for (let i = 0; i < 4; i++) await enterpriseLogin(t, code, 'pager');
    const logins = await securityLog(t, admin, org.id, `&memberId=${account.userId}&kind=login`);
    assert.equal(logins.entries.length, 5);
    assert.ok(logins.entries.every((e) => e.kind === 'login' && e.userId === account.userId));
    const first = await securityLog(t, admin, org.id, '&kind=login&limit=2');
    assert.equal(first.entries.length, 2);
    const rest = await securityLog(
      t,
      admin,
      org.id,
      `&kind=login&limit=10&before=${first.nextBefore}`,
    );
    assert.equal(rest.entries.length, 3);
    assert.equal(rest.nextBefore, null);
    const ids = [...first.entries, ...rest.entries].map((e) => e.id);
    assert.deepEqual(ids, [...ids].sort().reverse(), 'newest first, no overlap');

    const access = await t.request({
      method: 'GET',
      url: '/api/privacy/access-log',
      headers: bearer(grant.token),
    });
    const viewed = (access.json() as { entries: AccessLogEntry[] }).entries.filter(
      (e) => e.action === 'organization.security_log_viewed',
    );
    assert.ok(viewed.length >= 3, 'every read that showed the member is in their access log');
    assert.ok(viewed.every((e) => e.purpose === 'weekly security review' && !e.byYou));
  });

  it('needs a purpose (400), oversight or a managed member (403), membership (404)', async () => {
    const t = testApp();
    const [admin, sub, member, outsider] = [
      await person(t),
      await person(t),
      await person(t),
      await person(t),
    ];
    const org = await orgWith(t, admin, [sub, member]);
    await orgWith(t, outsider, [], 'Other');
    const east = await department(t, admin, org.id, 'East');
    const west = await department(t, admin, org.id, 'West');
    await makeSubAdmin(t, admin, org.id, sub, { permissions: ['members'], departmentId: east.id });
    await place(t, admin, org.id, member, { departmentIds: [west.id] });
    const inside = await enterpriseMember(t, admin, org.id, 'east.one', [east.id]);
    const url = `/api/organizations/${org.id}/security-log`;

    const unstated = await call(t, admin, 'GET', url);
    assert.equal(unstated.statusCode, 400);
    const badKind = await call(t, admin, 'GET', `${url}?${purpose}&kind=everything`);
    assert.equal(badKind.statusCode, 400);
    for (const query of ['', `&memberId=${member.userId}`]) {
      const refused = await call(t, sub, 'GET', `${url}?${purpose}${query}`);
      assert.equal(refused.statusCode, 403, `scoped sub-admin ${query}: ${refused.body}`);
    }
    const own = await securityLog(t, sub, org.id, `&memberId=${inside.account.userId}`);
    assert.ok(own.entries.length > 0, 'a member inside the subtree is readable');
    const plain = await call(t, member, 'GET', `${url}?${purpose}`);
    assert.equal(plain.statusCode, 403);
    assert.equal(errorId(plain), 'forbidden');
    const hidden = await call(t, outsider, 'GET', `${url}?${purpose}`);
    assert.equal(hidden.statusCode, 404);
    for (const [method, body] of [
      ['GET', undefined],
      ['PUT', { securityLogDays: 30 }],
    ] as const) {
      const response = await call(
        t,
        outsider,
        method,
        `/api/organizations/${org.id}/security-settings`,
        body,
      );
      assert.equal(response.statusCode, 404, `${method} settings`);
    }
  });

  it('keeps entries as long as each organization sets; the retention job honours it', async () => {
    const t = testApp();
    const [adminA, adminB, sub] = [await person(t), await person(t), await person(t)];
    const a = await orgWith(t, adminA, [sub], 'Short');
    const b = await orgWith(t, adminB, [], 'Long');
    await makeSubAdmin(t, adminA, a.id, sub, { permissions: ['members'], departmentId: null });
    const settings = `/api/organizations/${a.id}/security-settings`;
    assert.deepEqual((await call(t, sub, 'GET', settings)).json(), { securityLogDays: 180 });
    assert.equal((await call(t, sub, 'PUT', settings, { securityLogDays: 7 })).statusCode, 403);
    assert.equal((await call(t, adminA, 'PUT', settings, { securityLogDays: 0 })).statusCode, 400);
    const set = await call(t, adminA, 'PUT', settings, { securityLogDays: 7 });
    assert.deepEqual(set.json(), { securityLogDays: 7 });
    const aUser = await enterpriseMember(t, adminA, a.id, 'short.lived');
    const bUser = await enterpriseMember(t, adminB, b.id, 'long.lived');
    const count = async (orgId: string, userId: string) =>
      (
        await t.db.db
          .selectFrom('organization_security_log')
          .select('id')
          .where('organization_id', '=', orgId)
          .where('user_id', '=', userId)
          .execute()
      ).length;
    assert.ok((await count(a.id, aUser.account.userId)) > 0);

    t.clock.advance(8 * DAY);
    await t.app.dataEngines.retention.run();
    assert.equal(await count(a.id, aUser.account.userId), 0, "past A's 7 days");
    assert.ok((await count(b.id, bUser.account.userId)) > 0, 'B keeps its default 180 days');

    t.clock.advance(173 * DAY);
    await t.app.dataEngines.retention.run();
    assert.equal(await count(b.id, bUser.account.userId), 0, "past B's 180 days");
  });
});
