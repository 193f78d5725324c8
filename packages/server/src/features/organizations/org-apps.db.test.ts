import assert from 'node:assert/strict';
import { it } from 'node:test';
import { errorId } from '../../../test/factories';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { postFile, uploadFile } from '../files/files.test-support';
import { enterpriseMember } from './org-admin.test-support';
import { allStaffOf, openColleagueChat } from './org-chats.test-support';
import { call, makeSubAdmin, orgWith, person } from './organizations.test-support';

const text = { bytes: Buffer.from('minutes of the weekly meeting\n'), filename: 'minutes.txt' };
type App = { id: string; enabled: boolean };

describeEachDialect('app management', (dialect) => {
  const testApp = useTestApp(dialect, { env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });

  it('lists the catalogue to members; only the main administrator switches: 400/403/404', async () => {
    const t = testApp();
    const [admin, sub, member, outsider] = [
      await person(t),
      await person(t),
      await person(t),
      await person(t),
    ];
    const org = await orgWith(t, admin, [sub, member]);
    await orgWith(t, outsider, [], 'Elsewhere');
    await makeSubAdmin(t, admin, org.id, sub, {
      permissions: ['members', 'departments'],
      departmentId: null,
    });
    const listed = await call(t, member, 'GET', `/api/organizations/${org.id}/apps`);
    assert.equal(listed.statusCode, 200, listed.body);
    const apps = (listed.json() as { apps: App[] }).apps;
    assert.deepEqual(
      apps.map((a) => [a.id, a.enabled]),
      [
        ['group_chats', true],
        ['file_sharing', true],
        ['directory_search', true],
        ['colleague_chats', true],
      ],
    );
    const url = `/api/organizations/${org.id}/apps/file_sharing`;
    for (const who of [sub, member]) {
      const refused = await call(t, who, 'PUT', url, { enabled: false });
      assert.equal(refused.statusCode, 403, refused.body);
    }
    const hidden = await call(t, outsider, 'GET', `/api/organizations/${org.id}/apps`);
    assert.equal(hidden.statusCode, 404);
    const hiddenSet = await call(t, outsider, 'PUT', url, { enabled: false });
    assert.equal(hiddenSet.statusCode, 404);
    const unknown = await call(t, admin, 'PUT', `/api/organizations/${org.id}/apps/payroll`, {
      enabled: false,
    });
    assert.equal(unknown.statusCode, 400, 'only catalogue entries can be switched');
    const badBody = await call(t, admin, 'PUT', url, { enabled: 'no' });
    assert.equal(badBody.statusCode, 400);
    const off = await call(t, admin, 'PUT', url, { enabled: false });
    assert.equal(off.statusCode, 200, off.body);
    assert.equal((off.json() as App).enabled, false);
    const twice = await call(t, admin, 'PUT', url, { enabled: false });
    assert.equal(twice.statusCode, 200, 'switching off twice changes nothing');
    const on = await call(t, admin, 'PUT', url, { enabled: true });
    assert.equal((on.json() as App).enabled, true);
    const audited = await t.db.db
      .selectFrom('audit_entries')
      .select('action')
      .where('action', 'like', 'organization.app_%')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      audited.map((a) => a.action),
      ['organization.app_disabled', 'organization.app_disabled', 'organization.app_enabled'],
    );
  });

  it('refuses directory search with feature_disabled when it is off; browsing still works', async () => {
    const t = testApp();
    const [admin, member] = [await person(t, 'Ada'), await person(t, 'Bo')];
    const org = await orgWith(t, admin, [member], 'Search Co');
    const search = `/api/organizations/${org.id}/members?q=bo`;
    assert.equal((await call(t, member, 'GET', search)).statusCode, 200);
    await call(t, admin, 'PUT', `/api/organizations/${org.id}/apps/directory_search`, {
      enabled: false,
    });
    const refused = await call(t, member, 'GET', search);
    assert.equal(refused.statusCode, 403, refused.body);
    assert.equal(errorId(refused), 'feature_disabled');
    const browse = await call(t, member, 'GET', `/api/organizations/${org.id}/members`);
    assert.equal(browse.statusCode, 200, browse.body);
    await call(t, admin, 'PUT', `/api/organizations/${org.id}/apps/directory_search`, {
      enabled: true,
    });
    assert.equal((await call(t, member, 'GET', search)).statusCode, 200);
  });

  it("refuses uploads and new groups of the organization's enterprise accounts when off", async () => {
    const t = testApp();
    const [admin, personal] = [await person(t), await person(t)];
    const org = await orgWith(t, admin, [personal], 'Locked Down');
    const { grant } = await enterpriseMember(t, admin, org.id, 'clerk');
    await uploadFile(t, grant.token, text);
    const group = await call(t, grant, 'POST', '/api/conversations', { name: 'Team' });
    assert.equal(group.statusCode, 201, group.body);
    for (const app of ['file_sharing', 'group_chats'])
      await call(t, admin, 'PUT', `/api/organizations/${org.id}/apps/${app}`, { enabled: false });

    const upload = await postFile(t, grant.token, text);
    assert.equal(upload.statusCode, 403, upload.body);
    assert.equal(errorId(upload), 'feature_disabled');
    const noGroup = await call(t, grant, 'POST', '/api/conversations', { name: 'Team 2' });
    assert.equal(noGroup.statusCode, 403, noGroup.body);
    assert.equal(errorId(noGroup), 'feature_disabled');

    // A personal account in the same organization does what it likes with its own account.
    assert.equal((await postFile(t, personal.token, text)).statusCode, 201);
    const own = await call(t, personal, 'POST', '/api/conversations', { name: 'Mine' });
    assert.equal(own.statusCode, 201);
  });

  it("refuses files in the organization's own conversations when file sharing is off", async () => {
    const t = testApp();
    const [admin, member] = [await person(t), await person(t)];
    const org = await orgWith(t, admin, [member], 'Paper Free');
    const allStaff = (await allStaffOf(t, member, org.id))!;
    const file = await uploadFile(t, member.token, text);
    const url = `/api/conversations/${allStaff.id}/messages`;
    const attach = () =>
      call(t, member, 'POST', url, {
        clientId: crypto.randomUUID(),
        kind: 'file',
        fileId: file.id,
      });
    assert.equal((await attach()).statusCode, 201);
    await call(t, admin, 'PUT', `/api/organizations/${org.id}/apps/file_sharing`, {
      enabled: false,
    });
    const refused = await attach();
    assert.equal(refused.statusCode, 403, refused.body);
    assert.equal(errorId(refused), 'feature_disabled');
    const words = await call(t, member, 'POST', url, { clientId: crypto.randomUUID(), text: 'ok' });
    assert.equal(words.statusCode, 201, 'text still goes through');
  });

  it("stops colleague chats when they are off, keeping what was said; another organization's switch is its own", async () => {
    const t = testApp();
    const [admin, a, b] = [await person(t), await person(t), await person(t)];
    const org = await orgWith(t, admin, [a, b], 'Quiet Floor');
    const other = await orgWith(t, b, [a], 'Still Talking');
    const chat = await openColleagueChat(t, a, b, org.id);
    const url = `/api/conversations/${chat.id}/messages`;
    const say = (text: string) => call(t, a, 'POST', url, { clientId: crypto.randomUUID(), text });
    assert.equal((await say('before')).statusCode, 201);

    const off = await call(t, admin, 'PUT', `/api/organizations/${org.id}/apps/colleague_chats`, {
      enabled: false,
    });
    assert.equal(off.statusCode, 200, off.body);
    const refused = await say('after');
    assert.equal(refused.statusCode, 403, refused.body);
    assert.equal(errorId(refused), 'feature_disabled');
    const opened = await call(t, b, 'POST', '/api/conversations/direct', {
      userId: a.userId,
      organizationId: org.id,
    });
    assert.equal(opened.statusCode, 403, 'no new colleague chat either');
    assert.equal(errorId(opened), 'feature_disabled');
    const history = await call(t, b, 'GET', url);
    assert.equal(history.statusCode, 200, 'what was said stays readable');
    assert.equal((history.json() as { messages: unknown[] }).messages.length, 1);

    // Another organization's switch is its own.
    await openColleagueChat(t, a, b, other.id);

    const on = await call(t, admin, 'PUT', `/api/organizations/${org.id}/apps/colleague_chats`, {
      enabled: true,
    });
    assert.equal(on.statusCode, 200, on.body);
    assert.equal((await say('again')).statusCode, 201);
  });
});
