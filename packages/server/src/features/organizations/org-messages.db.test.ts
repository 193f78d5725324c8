import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { AccessReport } from '../../privacy/engines/data-engines';
import { drain, unzip } from '../../../test/engine-fixtures';
import { describeEachDialect, useTestApp, type TestApp } from '../../../test/harness';
import { submitVerified } from '../../privacy/rights/rights.fixtures';
import { groupWith, send } from '../messaging/messaging.test-support';
import { allStaffOf, openColleagueChat } from './org-chats.test-support';
import { call, orgWith, person, type Person } from './organizations.test-support';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The person's own archive, unzipped. */
async function personalArchive(t: TestApp, who: Person) {
  return unzip(await drain(await t.app.dataEngines.exportArchive(who.userId)));
}

/** Message rows by body text: what a person sees of them in the database. */
async function messageRows(t: TestApp, conversationIds: string[]) {
  return t.db.db
    .selectFrom('messages')
    .select(['id', 'conversation_id', 'sender_id', 'body', 'mentions'])
    .where('conversation_id', 'in', conversationIds)
    .orderBy('seq')
    .execute();
}

/**
 * A member who chats with a colleague, writes in the all-staff group and in a
 * personal group: the first two are the organization's (DingTalk II(III)1 5), the
 * last is their own.
 */
async function chattingMember(t: TestApp) {
  const [admin, worker, friend] = [await person(t), await person(t), await person(t)];
  const org = await orgWith(t, admin, [worker], 'Harbour Works');
  const chat = await openColleagueChat(t, worker, admin, org.id);
  await send(t, worker, chat.id, 'The crane is booked for Monday', { mentions: [admin.userId] });
  const allStaff = (await allStaffOf(t, worker, org.id))!;
  await send(t, worker, allStaff.id, 'Lunch is on the roof today');
  const personal = await groupWith(t, worker, [friend]);
  await send(t, worker, personal.id, 'Birthday cake on Friday', { mentions: [friend.userId] });
  return { admin, worker, friend, org, chat, allStaff, personal };
}

describeEachDialect('messages in organization-owned conversations (ORG-4, ADR 18)', (dialect) => {
  const testApp = useTestApp(dialect, { env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });

  it("leave the member's own export, which says who holds them and how to ask", async () => {
    const t = testApp();
    const { admin, worker, org } = await chattingMember(t);

    const zip = await personalArchive(t, worker);
    const own = JSON.parse(zip.get('data/messages.json')!.toString());
    assert.deepEqual(
      own.rows.map((r: { body: string }) => r.body),
      ['Birthday cake on Friday'],
      'only the personal group',
    );
    const everything = [...zip.values()].map((b) => b.toString()).join('\n');
    assert.ok(!everything.includes('The crane is booked'), 'not the colleague chat');
    assert.ok(!everything.includes('Lunch is on the roof'), 'not the all-staff group');
    const html = zip.get('index.html')!.toString();
    assert.match(html, /Data your organizations hold/);
    assert.match(html, /messages <em>\(organization\)<\/em>/);
    assert.match(html, /data-rights request/);
    const report = JSON.parse(zip.get('access-report.json')!.toString()) as AccessReport;
    const messages = report.items.filter((i) => i.table === 'messages');
    assert.deepEqual(
      messages.map((i) => [i.controller, i.records, i.retention]),
      [
        ['personal', 1, 'as long as the account exists'],
        [
          'organization',
          2,
          'as your organization sets, counted from created at; without one, until it deletes them or is dissolved',
        ],
      ],
    );

    const orgZip = await unzip(
      (await call(t, admin, 'GET', `/api/organizations/${org.id}/export`)).rawPayload,
    );
    const orgMessages = JSON.parse(orgZip.get('data/messages.json')!.toString());
    assert.deepEqual(orgMessages.rows.map((r: { body: string }) => r.body).sort(), [
      'Lunch is on the roof today',
      'The crane is booked for Monday',
    ]);
  });

  it('still leave it after the member has left, and a copy request goes to the organization', async () => {
    const t = testApp();
    const { worker, org } = await chattingMember(t);
    const left = await call(
      t,
      worker,
      'DELETE',
      `/api/organizations/${org.id}/members/${worker.userId}`,
    );
    assert.ok(left.statusCode < 300, left.body);

    const zip = await personalArchive(t, worker);
    const everything = [...zip.values()].map((b) => b.toString()).join('\n');
    assert.ok(!everything.includes('The crane is booked'), "a leaver's export has no work chats");
    assert.ok(everything.includes('Birthday cake on Friday'));

    const request = await submitVerified(t, worker, { kind: 'copy' });
    assert.match(request.answer!, /“Harbour Works”/);
    const [part] = request.organizations;
    assert.equal(part?.organizationId, org.id);
  });

  it("expire by the organization's retention period, and only its own", async () => {
    const t = testApp();
    const { admin, worker, org, chat, allStaff, personal } = await chattingMember(t);
    const [adminB] = [await person(t)];
    const other = await orgWith(t, adminB, [worker], 'Lantern Ltd');
    const otherChat = await openColleagueChat(t, worker, adminB, other.id);
    await send(t, worker, otherChat.id, 'Lantern order');
    const set = await call(t, admin, 'PUT', `/api/organizations/${org.id}/retention`, { days: 3 });
    assert.equal(set.statusCode, 200, set.body);
    assert.ok(
      set.json().appliesTo.some((a: { table: string }) => a.table === 'messages'),
      'the setting names the messages',
    );

    t.clock.advance(2 * DAY_MS);
    await t.app.dataEngines.retention.run();
    const before = await messageRows(t, [chat.id, allStaff.id]);
    assert.ok(
      before.every((r) => r.body !== null && r.sender_id === worker.userId),
      'too early',
    );
    t.clock.advance(2 * DAY_MS);
    const run = await t.app.dataEngines.retention.run();
    assert.ok((run.tables.messages?.valuesAnonymized ?? 0) > 0, JSON.stringify(run.tables));
    const expired = await messageRows(t, [chat.id, allStaff.id]);
    assert.ok(expired.length >= 2, 'placeholders keep the sequence without holes');
    for (const row of expired) {
      assert.equal(row.body, null, 'the text is gone');
      assert.equal(row.sender_id, null, 'and who wrote it');
    }
    const kept = await messageRows(t, [personal.id, otherChat.id]);
    assert.deepEqual(
      kept.map((r) => [r.sender_id, r.body !== null]),
      [
        [worker.userId, true],
        [worker.userId, true],
      ],
      "the member's own group and the other organization's chat are untouched",
    );
  });

  it("follow the manifest's onPersonErased rule when the member's account is erased", async () => {
    const t = testApp();
    const { admin, worker, friend, chat, allStaff, personal } = await chattingMember(t);
    await t.app.dataEngines.erase(worker.userId, { kind: 'all' });

    const [work] = await messageRows(t, [chat.id]);
    assert.equal(work?.sender_id, null, 'unlinked from the erased account');
    assert.deepEqual(
      JSON.parse(work!.mentions),
      { userIds: [admin.userId], all: false },
      "the organization's copy keeps the rest of the row (keep)",
    );
    const [mine] = await messageRows(t, [personal.id]);
    assert.equal(mine?.sender_id, null);
    assert.deepEqual(
      JSON.parse(mine!.mentions),
      { userIds: [], all: false },
      `the personal message is erased as its columns say (not ${friend.userId})`,
    );
    const places = await t.db.db
      .selectFrom('conversation_members')
      .select('conversation_id')
      .where('user_id', '=', worker.userId)
      .execute();
    assert.deepEqual(places, [], 'places in organization conversations are erased (erase)');
    assert.equal((await messageRows(t, [allStaff.id])).length, 1, 'the group keeps the row');
  });

  it('are not touched by a category erasure the member asks for: that part is routed', async () => {
    const t = testApp();
    const { worker, chat, personal } = await chattingMember(t);
    await t.app.dataEngines.erase(worker.userId, {
      kind: 'categories',
      categories: ['user.content'],
    });
    const [work] = await messageRows(t, [chat.id]);
    assert.equal(work?.sender_id, worker.userId);
    assert.notEqual(work?.body, null, "the organization's copy stays readable");
    const history = await call(t, worker, 'GET', `/api/conversations/${chat.id}/messages`);
    assert.equal(history.json().messages[0].text, 'The crane is booked for Monday');
    const [mine] = await messageRows(t, [personal.id]);
    assert.equal(mine?.body, null, "the member's own message text is erased");
  });
});
