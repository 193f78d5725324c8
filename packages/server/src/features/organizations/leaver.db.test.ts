import assert from 'node:assert/strict';
import { before, beforeEach, it } from 'node:test';
import type { ServerFrame } from '@carillon/protocol/realtime';
import { describeEachDialect, useTestApp, type TestApp } from '../../../test/harness';
import { listenOnLoopback } from '../../../test/realtime-client';
import { upload } from '../messaging/message-kinds.test-support';
import { groupWith, send, type Person } from '../messaging/messaging.test-support';
import { connectReady } from '../realtime/realtime.test-support';
import {
  allStaffOf,
  conversationsOf,
  openColleagueChat,
  setDepartmentGroup,
} from './org-chats.test-support';
import { call, department, orgWith, person, place } from './organizations.test-support';

/** Ann runs an organization with Bob in Sales; they share a colleague chat and the org's groups. */
async function workplace(t: TestApp) {
  const ann = await person(t, 'Ann');
  const bob = await person(t, 'Bob');
  const org = await orgWith(t, ann, [bob]);
  const sales = await department(t, ann, org.id, 'Sales');
  await place(t, ann, org.id, ann, { departmentIds: [sales.id] });
  await place(t, ann, org.id, bob, { departmentIds: [sales.id] });
  const enabled = await setDepartmentGroup(t, ann, org.id, sales.id, true);
  assert.equal(enabled.statusCode, 200, enabled.body);
  const salesGroup = (enabled.json() as { groupId: string }).groupId;
  const chat = await openColleagueChat(t, ann, bob, org.id);
  const allStaff = (await allStaffOf(t, ann, org.id))!.id;
  return { ann, bob, org, chat, salesGroup, allStaff };
}

function remove(t: TestApp, by: Person, orgId: string, who: Person) {
  return call(t, by, 'DELETE', `/api/organizations/${orgId}/members/${who.userId}`);
}

/** The conversation a frame concerns, if any. */
function conversationOf(frame: ServerFrame): unknown {
  if (frame.type === 'event') return frame.event.payload.conversationId;
  if (frame.type === 'typing') return frame.conversationId;
  return undefined;
}

describeEachDialect('leaving an organization (ORG-5)', (dialect) => {
  // Each test registers several people: sign-up requests and codes are rate-limited
  // per address, so the limit is raised and every test starts an hour later.
  const t = useTestApp(dialect, { env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
  beforeEach(() => t().clock.advance(60 * 60 * 1000));
  let url: string;
  before(async () => {
    url = await listenOnLoopback(t());
  });

  it('takes the colleague chats, their files and the groups away at once; the colleague keeps the chat', async () => {
    const { ann, bob, org, chat, salesGroup, allStaff } = await workplace(t());
    const plan = await upload(t(), ann, 'document');
    const shared = await call(t(), ann, 'POST', `/api/conversations/${chat.id}/messages`, {
      clientId: crypto.randomUUID(),
      kind: 'file',
      fileId: plan.id,
    });
    assert.equal(shared.statusCode, 201, shared.body);
    await send(t(), ann, chat.id, 'unread by Bob');
    const bobsOwn = await upload(t(), bob, 'image');
    await call(t(), bob, 'POST', `/api/conversations/${chat.id}/messages`, {
      clientId: crypto.randomUUID(),
      kind: 'image',
      fileId: bobsOwn.id,
    });
    assert.equal((await call(t(), bob, 'GET', `/api/files/${plan.id}`)).statusCode, 200);

    const removed = await remove(t(), ann, org.id, bob);
    assert.equal(removed.statusCode, 204, removed.body);

    assert.deepEqual(await conversationsOf(t(), bob), []);
    for (const id of [chat.id, salesGroup, allStaff]) {
      const history = await call(t(), bob, 'GET', `/api/conversations/${id}/messages`);
      assert.equal(history.statusCode, 404, history.body);
    }
    assert.equal((await call(t(), bob, 'GET', `/api/files/${plan.id}`)).statusCode, 404);
    // What Bob uploaded himself stays his.
    assert.equal((await call(t(), bob, 'GET', `/api/files/${bobsOwn.id}`)).statusCode, 200);
    const directory = await call(t(), bob, 'GET', `/api/organizations/${org.id}/members`);
    assert.equal(directory.statusCode, 404, directory.body);
    // Their event history keeps only the news that they left.
    const events = await call(t(), bob, 'GET', '/api/events?after=0&limit=200');
    const about = (
      events.json() as { events: { type: string; payload: Record<string, unknown> }[] }
    ).events.filter((e) =>
      [chat.id, salesGroup, allStaff].includes(e.payload.conversationId as string),
    );
    assert.deepEqual(
      about.map((e) => [e.type, e.payload.userId]),
      [chat.id, salesGroup, allStaff].map(() => ['member.left', bob.userId]),
    );

    // The organization keeps its copy: Ann still has the chat, read-only.
    const kept = (await conversationsOf(t(), ann)).find((c) => c.id === chat.id);
    assert.equal(kept?.ended, true);
    assert.equal(kept?.peerId, bob.userId);
    const history = await call(t(), ann, 'GET', `/api/conversations/${chat.id}/messages`);
    assert.equal((history.json() as { messages: unknown[] }).messages.length, 3);
    assert.equal((await call(t(), ann, 'GET', `/api/files/${bobsOwn.id}`)).statusCode, 200);
    const more = await call(t(), ann, 'POST', `/api/conversations/${chat.id}/messages`, {
      clientId: crypto.randomUUID(),
      text: 'still there?',
    });
    assert.equal(more.statusCode, 409, more.body);
    const groupMembers = await call(t(), ann, 'GET', `/api/conversations/${salesGroup}/members`);
    assert.deepEqual(
      (groupMembers.json() as { members: { userId: string }[] }).members.map((m) => m.userId),
      [ann.userId],
    );
  });

  it("stops every later event of those conversations reaching the leaver's open socket", async () => {
    const { ann, bob, org, chat, salesGroup, allStaff } = await workplace(t());
    const personal = await groupWith(t(), ann, [bob]);
    const bobSocket = await connectReady(url, bob);
    const annSocket = await connectReady(url, ann);

    assert.equal((await remove(t(), ann, org.id, bob)).statusCode, 204);
    // Bob's devices hear that he left each of them, so clients drop them.
    for (const id of [chat.id, salesGroup, allStaff])
      await bobSocket.waitFor(
        (f) =>
          f.type === 'event' &&
          f.event.type === 'member.left' &&
          f.event.payload.conversationId === id &&
          f.event.payload.userId === bob.userId,
      );
    const afterRemoval = bobSocket.frames.length;

    await send(t(), ann, allStaff, 'all hands at ten');
    await send(t(), ann, salesGroup, 'sales figures');
    await call(t(), ann, 'POST', `/api/conversations/${chat.id}/read`, { seq: 1 });
    annSocket.send({ type: 'typing', conversationId: chat.id });
    annSocket.send({ type: 'typing', conversationId: salesGroup });
    // Sentinels in a conversation Bob is still in, sent after all of the above.
    annSocket.send({ type: 'typing', conversationId: personal.id });
    await bobSocket.waitFor((f) => f.type === 'typing' && f.conversationId === personal.id);
    const sentinel = await send(t(), ann, personal.id, 'lunch?');
    await bobSocket.waitFor(
      (f) =>
        f.type === 'event' &&
        f.event.type === 'message.created' &&
        f.event.payload.seq === sentinel.seq &&
        f.event.payload.conversationId === personal.id,
    );

    const later = bobSocket.frames.slice(afterRemoval);
    const leaked = later.filter((f) =>
      [chat.id, salesGroup, allStaff].includes(conversationOf(f) as string),
    );
    assert.deepEqual(leaked, []);
    assert.ok(later.length >= 2, 'the sentinels arrived');
    await bobSocket.close();
    await annSocket.close();
  });

  it('never leaves a chat or group behind for someone removed while it was being made', async () => {
    for (let round = 0; round < 6; round++) {
      const ann = await person(t(), 'Ann');
      const bob = await person(t(), 'Bob');
      const org = await orgWith(t(), ann, [bob]);
      const [removed, opened, created] = await Promise.all([
        remove(t(), ann, org.id, bob),
        call(t(), ann, 'POST', '/api/conversations/direct', {
          userId: bob.userId,
          organizationId: org.id,
        }),
        call(t(), bob, 'POST', '/api/conversations', { name: 'Mine', organizationId: org.id }),
      ]);
      assert.equal(removed.statusCode, 204, removed.body);
      assert.ok([200, 404].includes(opened.statusCode), opened.body);
      assert.ok([201, 404].includes(created.statusCode), created.body);
      const left = (await conversationsOf(t(), bob)).filter((c) => c.organizationId === org.id);
      assert.deepEqual(left, [], `round ${round}`);
    }
  });

  it('does not bring old chats back when the person rejoins', async () => {
    const { ann, bob, org, chat, allStaff } = await workplace(t());
    await send(t(), bob, chat.id, 'before leaving');
    // Leaving by oneself works like being removed.
    assert.equal((await remove(t(), bob, org.id, bob)).statusCode, 204);

    const invite = await call(t(), ann, 'POST', `/api/organizations/${org.id}/invites`, {
      kind: 'code',
    });
    const { code } = invite.json() as { code: string };
    assert.equal(
      (await call(t(), bob, 'POST', '/api/organizations/join', { code })).statusCode,
      200,
    );

    const mine = await conversationsOf(t(), bob);
    assert.deepEqual(
      mine.map((c) => c.id),
      [allStaff],
      'back in the all-staff group only',
    );
    const again = await openColleagueChat(t(), bob, ann, org.id);
    assert.notEqual(again.id, chat.id);
    assert.equal((await call(t(), bob, 'GET', `/api/conversations/${chat.id}`)).statusCode, 404);
    const annSees = (await conversationsOf(t(), ann)).filter((c) => c.peerId === bob.userId);
    assert.deepEqual(
      annSees.map((c) => [c.id, c.ended]).sort(),
      [
        [again.id, false],
        [chat.id, true],
      ].sort(),
    );
  });

  it('hands a group the leaver owned inside the organization to the next member', async () => {
    const ann = await person(t(), 'Ann');
    const bob = await person(t(), 'Bob');
    const org = await orgWith(t(), ann, [bob]);
    const created = await call(t(), bob, 'POST', '/api/conversations', {
      name: 'Bob’s project',
      organizationId: org.id,
    });
    const group = created.json() as { id: string };
    const invite = await call(t(), bob, 'POST', `/api/conversations/${group.id}/invites`, {});
    const { token } = invite.json() as { token: string };
    await call(t(), ann, 'POST', '/api/conversations/join', { token });
    const solo = (
      await call(t(), bob, 'POST', '/api/conversations', { name: 'Notes', organizationId: org.id })
    ).json() as { id: string };

    assert.equal((await remove(t(), ann, org.id, bob)).statusCode, 204);
    const kept = (await conversationsOf(t(), ann)).find((c) => c.id === group.id);
    assert.equal(kept?.role, 'owner');
    assert.equal(kept?.memberCount, 1);
    // A group nobody else was in is dissolved.
    assert.equal((await call(t(), bob, 'GET', `/api/conversations/${solo.id}`)).statusCode, 404);
    const rows = await t()
      .db.db.selectFrom('conversations')
      .select('id')
      .where('id', '=', solo.id)
      .execute();
    assert.deepEqual(rows, []);
  });
});
