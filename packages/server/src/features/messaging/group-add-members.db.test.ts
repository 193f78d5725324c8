import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, beforeEach, it } from 'node:test';
import type { AddMembersResult, Conversation, UserEvent } from '@carillon/protocol/messaging';
import { befriend } from '../../../test/contacts';
import { errorId, registerUser } from '../../../test/factories';
import { describeEachDialect, useTestApp, type TestApp } from '../../../test/harness';
import { listenOnLoopback } from '../../../test/realtime-client';
import { orgWith } from '../organizations/organizations.test-support';
import { connectReady } from '../realtime/realtime.test-support';
import { openDirect } from './message-kinds.test-support';
import { call, groupWith, type Person } from './messaging.test-support';

const add = (t: TestApp, who: Person, groupId: string, userIds: string[]) =>
  call(t, who, 'POST', `/api/conversations/${groupId}/members`, { userIds });

async function memberIds(t: TestApp, who: Person, groupId: string): Promise<string[]> {
  const response = await call(t, who, 'GET', `/api/conversations/${groupId}/members`);
  assert.equal(response.statusCode, 200, response.body);
  return (response.json().members as { userId: string }[]).map((m) => m.userId).sort();
}

/** Registers people with their phone numbers, which befriending needs. */
async function people(t: TestApp, count: number) {
  const made: Awaited<ReturnType<typeof registerUser>>[] = [];
  for (let i = 0; i < count; i++) made.push(await registerUser(t));
  return made;
}

async function events(t: TestApp, who: Person): Promise<UserEvent[]> {
  return (await call(t, who, 'GET', '/api/events')).json().events as UserEvent[];
}

describeEachDialect('messaging: adding people to a group', (dialect) => {
  const t = useTestApp(dialect, {
    env: { GROUP_MEMBER_LIMIT: '5', AUTH_RATE_LIMIT_PER_MINUTE: '1000' },
  });
  let url: string;
  before(async () => {
    url = await listenOnLoopback(t());
  });
  // Each test registers several people: past the hourly cap on verification codes.
  beforeEach(() => t().clock.advance(60 * 60 * 1000));

  it('adds friends at once: they see the group, live, and the members hear of it', async () => {
    const [owner, member, ann, bob] = await people(t(), 4);
    const group = await groupWith(t(), owner!, [member!]);
    for (const friend of [ann!, bob!]) await befriend(t(), owner!, friend);
    const live = await connectReady(url, ann!);

    const response = await add(t(), owner!, group.id, [ann!.userId, bob!.userId, ann!.userId]);
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json() as AddMembersResult, {
      pending: false,
      added: [ann!.userId, bob!.userId],
      requested: [],
      skipped: [],
    });
    const joined = await live.waitFor(
      (f) => f.type === 'event' && f.event.type === 'member.joined',
    );
    assert.deepEqual(joined.type === 'event' && joined.event.payload, {
      conversationId: group.id,
      userId: ann!.userId,
      addedBy: owner!.userId,
    });
    await live.close();
    const listed = (await call(t(), ann!, 'GET', '/api/conversations')).json();
    assert.ok(
      (listed.conversations as Conversation[]).some((c) => c.id === group.id),
      'the group is in the new member’s list',
    );
    const heard = (await events(t(), member!)).filter((e) => e.type === 'member.joined');
    assert.deepEqual(
      heard.map((e) => e.payload.userId).slice(-2),
      [ann!.userId, bob!.userId],
      'an existing member hears of both',
    );

    // A plain member adds their own friend; members already in are skipped.
    const [carl] = await people(t(), 1);
    await befriend(t(), member!, carl!);
    const again = await add(t(), member!, group.id, [carl!.userId, ann!.userId]);
    assert.equal(again.statusCode, 200, again.body);
    assert.deepEqual(again.json(), {
      pending: false,
      added: [carl!.userId],
      requested: [],
      skipped: [ann!.userId],
    });
  });

  it('refuses the whole request for a stranger, an unknown id or a blocked friend (403)', async () => {
    const [owner, friend, stranger, blocker] = await people(t(), 4);
    const group = await groupWith(t(), owner!);
    await befriend(t(), owner!, friend!);
    await befriend(t(), owner!, blocker!);
    const messages = new Set<string>();
    for (const other of [stranger!.userId, randomUUID(), blocker!.userId]) {
      if (other === blocker!.userId)
        await call(t(), blocker!, 'PUT', `/api/contacts/blocked/${owner!.userId}`);
      const refused = await add(t(), owner!, group.id, [friend!.userId, other]);
      assert.equal(refused.statusCode, 403, refused.body);
      messages.add(refused.json().error.message);
    }
    assert.equal(messages.size, 1, 'every refusal reads the same, naming nobody');
    assert.deepEqual(await memberIds(t(), owner!, group.id), [owner!.userId], 'nobody was added');
  });

  it('lets colleagues in to a group their organization owns, never across a block', async () => {
    const [boss, colleague, blocked, outsider] = await people(t(), 4);
    const org = await orgWith(t(), boss!, [colleague!, blocked!]);
    const created = await call(t(), boss!, 'POST', '/api/conversations', {
      name: 'Harbour team',
      organizationId: org.id,
    });
    const groupId = (created.json() as Conversation).id;
    await call(t(), blocked!, 'PUT', `/api/contacts/blocked/${boss!.userId}`);
    assert.equal((await add(t(), boss!, groupId, [blocked!.userId])).statusCode, 403);
    const added = await add(t(), boss!, groupId, [colleague!.userId]);
    assert.equal(added.statusCode, 200, added.body);
    assert.deepEqual((added.json() as AddMembersResult).added, [colleague!.userId]);
    // A friend from outside may be added, but may not add the organization's people.
    await befriend(t(), boss!, outsider!);
    assert.equal((await add(t(), boss!, groupId, [outsider!.userId])).statusCode, 200);
    const fromOutside = await add(t(), outsider!, groupId, [blocked!.userId]);
    assert.equal(fromOutside.statusCode, 403, 'not their colleague');
  });

  it('answers 404 to non-members and for unknown groups, 409 for direct and directory groups', async () => {
    const [owner, friend, outsider] = await people(t(), 3);
    const group = await groupWith(t(), owner!);
    await befriend(t(), outsider!, friend!);
    await befriend(t(), owner!, friend!);
    const notMember = await add(t(), outsider!, group.id, [friend!.userId]);
    assert.equal(notMember.statusCode, 404);
    assert.equal(errorId(notMember), 'not_found');
    assert.equal((await add(t(), owner!, randomUUID(), [friend!.userId])).statusCode, 404);
    const direct = await openDirect(t(), owner!, friend!);
    assert.equal(errorId(await add(t(), owner!, direct.id, [outsider!.userId])), 'conflict');
    const org = await orgWith(t(), owner!, [friend!]);
    const staff = (await call(t(), owner!, 'GET', '/api/conversations')).json()
      .conversations as Conversation[];
    const allStaff = staff.find((c) => c.organizationId === org.id && c.orgGroup === 'all_staff');
    if (allStaff)
      assert.equal(errorId(await add(t(), owner!, allStaff.id, [friend!.userId])), 'conflict');
  });

  it('turns a plain member’s additions into join requests when the group needs approval', async () => {
    const [owner, member, friend] = await people(t(), 3);
    const group = await groupWith(t(), owner!, [member!]);
    const base = `/api/conversations/${group.id}`;
    await call(t(), owner!, 'PATCH', base, { joinApproval: true });
    await befriend(t(), member!, friend!);
    await befriend(t(), owner!, friend!);

    const asked = await add(t(), member!, group.id, [friend!.userId]);
    assert.equal(asked.statusCode, 200, asked.body);
    assert.deepEqual(asked.json(), {
      pending: true,
      added: [],
      requested: [friend!.userId],
      skipped: [],
    });
    assert.equal((await call(t(), friend!, 'GET', base)).statusCode, 404, 'not a member yet');
    const waiting = (await call(t(), owner!, 'GET', `${base}/join-requests`)).json();
    assert.deepEqual(
      waiting.requests.map((r: { userId: string }) => r.userId),
      [friend!.userId],
    );
    const notice = (await events(t(), owner!)).find((e) => e.type === 'join.requested');
    assert.equal(notice?.payload.requestedBy, member!.userId);

    // The owner's own add takes effect, and the waiting request goes.
    const added = await add(t(), owner!, group.id, [friend!.userId]);
    assert.deepEqual((added.json() as AddMembersResult).added, [friend!.userId]);
    const left = (await call(t(), owner!, 'GET', `${base}/join-requests`)).json();
    assert.deepEqual(left.requests, []);
  });

  it('holds the member limit for the whole batch (409, nobody added)', async () => {
    const [owner, member, ...friends] = await people(t(), 6);
    const group = await groupWith(t(), owner!, [member!]);
    for (const friend of friends) await befriend(t(), owner!, friend);
    const ids = friends.map((f) => f.userId);
    const full = await add(t(), owner!, group.id, ids);
    assert.equal(full.statusCode, 409, full.body);
    assert.equal(errorId(full), 'conflict');
    assert.equal((await memberIds(t(), owner!, group.id)).length, 2, 'nobody was added');
    const fits = await add(t(), owner!, group.id, ids.slice(0, 3));
    assert.equal(fits.statusCode, 200, fits.body);
    assert.equal((await memberIds(t(), owner!, group.id)).length, 5);
  });

  it('answers 400 to a bad body and 401 without a session', async () => {
    const [owner] = await people(t(), 1);
    const group = await groupWith(t(), owner!);
    const url = `/api/conversations/${group.id}/members`;
    const tooMany = Array.from({ length: 51 }, () => randomUUID());
    for (const payload of [{}, { userIds: [] }, { userIds: ['nope'] }, { userIds: tooMany }]) {
      const bad = await call(t(), owner!, 'POST', url, payload);
      assert.equal(bad.statusCode, 400, JSON.stringify(payload));
      const { error } = bad.json() as { error: { id: string; message: string } };
      assert.equal(error.id, 'validation_failed');
      assert.equal(typeof error.message, 'string');
    }
    const anonymous = await t().request({
      method: 'POST',
      url,
      payload: { userIds: [owner!.userId] },
    });
    assert.equal(anonymous.statusCode, 401);
  });
});
