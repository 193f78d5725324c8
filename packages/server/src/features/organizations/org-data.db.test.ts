import assert from 'node:assert/strict';
import { it } from 'node:test';
import { unzip } from '../../../test/engine-fixtures';
import { errorId } from '../../../test/factories';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { auditActions } from '../../privacy/rights/rights.fixtures';
import { openColleagueChat } from './org-chats.test-support';
import {
  call,
  department,
  makeSubAdmin,
  orgWith,
  person,
  place,
} from './organizations.test-support';

const DAY_MS = 24 * 60 * 60 * 1000;

describeEachDialect('organization-controlled data: export and retention (ORG-4)', (dialect) => {
  const testApp = useTestApp(dialect, { env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });

  it("streams the organization's rows to its main administrator, and only that organization's", async () => {
    const t = testApp();
    const [admin, worker, adminB] = [await person(t), await person(t), await person(t)];
    const org = await orgWith(t, admin, [worker], 'Harbour Works');
    const other = await orgWith(t, adminB, [worker], 'Other Co');
    const sales = await department(t, admin, org.id, 'Sales');
    await place(t, admin, org.id, worker, {
      name: '王五',
      position: 'Rigger',
      departmentIds: [sales.id],
    });
    await place(t, adminB, other.id, worker, { name: 'Wang at B', position: 'Secret' });
    await call(t, worker, 'PATCH', '/api/profile', { realName: 'Private Realname' });

    const response = await call(t, admin, 'GET', `/api/organizations/${org.id}/export`);
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['content-type'], 'application/zip');
    const zip = await unzip(response.rawPayload);
    const summary = JSON.parse(zip.get('organization.json')!.toString());
    assert.equal(summary.organizationId, org.id);
    const members = JSON.parse(zip.get('data/organization_members.json')!.toString());
    assert.deepEqual(
      members.rows.map((r: { name: string }) => r.name).sort(),
      ['Mei', '王五'].sort(),
    );
    assert.ok(members.rows.every((r: { organization_id: string }) => r.organization_id === org.id));
    const placements = JSON.parse(zip.get('data/organization_department_members.json')!.toString());
    assert.equal(placements.rows.length, 1);
    const everything = [...zip.values()].map((b) => b.toString()).join('\n');
    assert.ok(!everything.includes('Wang at B'), "another organization's data never");
    assert.ok(!everything.includes('Private Realname'), "a member's own profile never");
    assert.ok(![...zip.keys()].some((k) => k.includes('profiles') || k.includes('users')));
    assert.ok((await auditActions(t)).some((a) => a.action === 'organization.data_exported'));
  });

  it("exports the messages of the organization's own conversations, and no one else's", async () => {
    const t = testApp();
    const [admin, worker, adminB] = [await person(t), await person(t), await person(t)];
    const org = await orgWith(t, admin, [worker], 'Harbour Works');
    const other = await orgWith(t, adminB, [worker], 'Other Co');
    const say = async (from: typeof admin, to: typeof admin, orgId: string, text: string) => {
      const chat = await openColleagueChat(t, from, to, orgId);
      const sent = await call(t, from, 'POST', `/api/conversations/${chat.id}/messages`, {
        clientId: crypto.randomUUID(),
        text,
      });
      assert.equal(sent.statusCode, 201, sent.body);
    };
    await say(worker, admin, org.id, 'The crane is booked for Monday');
    await say(worker, adminB, other.id, 'Quote for Other Co only');

    const response = await call(t, admin, 'GET', `/api/organizations/${org.id}/export`);
    assert.equal(response.statusCode, 200, response.body);
    const zip = await unzip(response.rawPayload);
    const messages = JSON.parse(zip.get('data/messages.json')!.toString());
    assert.deepEqual(
      messages.rows.map((r: { body: string }) => r.body),
      ['The crane is booked for Monday'],
    );
    const everything = [...zip.values()].map((b) => b.toString()).join('\n');
    assert.ok(!everything.includes('Quote for Other Co only'));
  });

  it('lets only the main administrator export: 401, 403 for sub-admins and members, 404 outside', async () => {
    const t = testApp();
    const [admin, sub, member, outsider] = [
      await person(t),
      await person(t),
      await person(t),
      await person(t),
    ];
    const org = await orgWith(t, admin, [sub, member]);
    await makeSubAdmin(t, admin, org.id, sub, {
      permissions: ['members', 'departments'],
      departmentId: null,
    });
    const url = `/api/organizations/${org.id}/export`;
    assert.equal((await t.request({ method: 'GET', url })).statusCode, 401);
    for (const who of [sub, member]) {
      const response = await call(t, who, 'GET', url);
      assert.equal(response.statusCode, 403, response.body);
      assert.equal(errorId(response), 'forbidden');
    }
    assert.equal((await call(t, outsider, 'GET', url)).statusCode, 404);
    const unknown = '/api/organizations/01900000-0000-7000-8000-000000000000/export';
    assert.equal((await call(t, admin, 'GET', unknown)).statusCode, 404);
    assert.equal((await call(t, admin, 'GET', '/api/organizations/nope/export')).statusCode, 400);
  });

  it("sets the organization's retention, which the retention job applies to its rows only", async () => {
    const t = testApp();
    const [admin, adminB, invitee] = [await person(t), await person(t), await person(t)];
    const org = await orgWith(t, admin, [], 'A');
    const other = await orgWith(t, adminB, [], 'B');
    for (const [who, id] of [
      [admin, org.id],
      [adminB, other.id],
    ] as const) {
      const invited = await call(t, who, 'POST', `/api/organizations/${id}/phone-invitations`, {
        phone: invitee.phone,
      });
      assert.equal(invited.statusCode, 202, invited.body);
    }
    const url = `/api/organizations/${org.id}/retention`;
    const before = await call(t, admin, 'GET', url);
    assert.equal(before.statusCode, 200, before.body);
    assert.equal(before.json().days, null);
    assert.ok(
      before
        .json()
        .appliesTo.some((a: { table: string }) => a.table === 'organization_invitations'),
    );

    for (const bad of [{ days: 0 }, { days: 'ten' }, {}, { days: 5, extra: true }]) {
      const response = await call(t, admin, 'PUT', url, bad);
      assert.equal(response.statusCode, 400, JSON.stringify(bad));
    }
    const set = await call(t, admin, 'PUT', url, { days: 3 });
    assert.equal(set.statusCode, 200, set.body);
    assert.equal(set.json().days, 3);
    assert.ok((await auditActions(t)).some((a) => a.action === 'organization.retention_set'));

    const invitations = () =>
      t.db.db
        .selectFrom('organization_invitations')
        .select('organization_id')
        .where('organization_id', 'in', [org.id, other.id])
        .execute();
    t.clock.advance(2 * DAY_MS);
    await t.app.dataEngines.retention.run();
    assert.equal((await invitations()).length, 2, 'not yet three days');
    t.clock.advance(2 * DAY_MS);
    await t.app.dataEngines.retention.run();
    assert.deepEqual(
      (await invitations()).map((r) => r.organization_id),
      [other.id],
      "organization B's invitation follows the platform's rule",
    );

    const cleared = await call(t, admin, 'PUT', url, { days: null });
    assert.equal(cleared.json().days, null);
  });

  it('refuses retention to non-admins (403) and to other organizations (404)', async () => {
    const t = testApp();
    const [admin, member, adminB] = [await person(t), await person(t), await person(t)];
    const org = await orgWith(t, admin, [member]);
    const url = `/api/organizations/${org.id}/retention`;
    assert.equal((await t.request({ method: 'PUT', url, payload: { days: 3 } })).statusCode, 401);
    assert.equal((await call(t, member, 'GET', url)).statusCode, 403);
    assert.equal((await call(t, member, 'PUT', url, { days: 3 })).statusCode, 403);
    assert.equal((await call(t, adminB, 'GET', url)).statusCode, 404);
    assert.equal((await call(t, adminB, 'PUT', url, { days: 3 })).statusCode, 404);
  });
});
