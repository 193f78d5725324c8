import assert from 'node:assert/strict';
import { beforeEach, it } from 'node:test';
import type { Conversation } from '@carillon/protocol/messaging';
import { befriend } from '../../../test/contacts';
import { errorId } from '../../../test/factories';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { send } from '../messaging/messaging.test-support';
import { conversationsOf, openColleagueChat } from './org-chats.test-support';
import { call, orgWith, person } from './organizations.test-support';

const open = '/api/conversations/direct';

describeEachDialect('colleague one-to-one chats', (dialect) => {
  // Each test registers several people: sign-up requests and codes are rate-limited
  // per address, so the limit is raised and every test starts an hour later.
  const t = useTestApp(dialect, { env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
  beforeEach(() => t().clock.advance(60 * 60 * 1000));

  it('lets colleagues who are not friends chat; the organization owns the chat', async () => {
    const ann = await person(t(), 'Ann');
    const bob = await person(t(), 'Bob');
    const org = await orgWith(t(), ann, [bob]);
    const chat = await openColleagueChat(t(), ann, bob, org.id);
    assert.equal(chat.kind, 'direct');
    assert.equal(chat.peerId, bob.userId);
    assert.equal(chat.organizationId, org.id);
    assert.deepEqual([chat.external, chat.ended, chat.orgGroup], [false, false, null]);
    // Either side opening again gets the same chat.
    assert.equal((await openColleagueChat(t(), bob, ann, org.id)).id, chat.id);
    assert.equal((await openColleagueChat(t(), ann, bob, org.id)).id, chat.id);
    await send(t(), bob, chat.id, 'the report is ready');
    const seen = (await conversationsOf(t(), ann)).find((c) => c.id === chat.id);
    assert.equal(seen?.unread, 1);
    assert.equal(seen?.peerId, bob.userId);
    // Without the organization it would be a personal chat, which needs friendship.
    const personal = await call(t(), ann, 'POST', open, { userId: bob.userId });
    assert.equal(personal.statusCode, 403, personal.body);
  });

  it('keeps the personal chat and each work chat of the same two people apart', async () => {
    const ann = await person(t(), 'Ann');
    const bob = await person(t(), 'Bob');
    await befriend(t(), ann, bob);
    const first = await orgWith(t(), ann, [bob], 'First Works');
    const second = await orgWith(t(), bob, [ann], 'Second Works');
    const personal = await call(t(), ann, 'POST', open, { userId: bob.userId });
    assert.equal(personal.statusCode, 200, personal.body);
    const home = personal.json() as Conversation;
    assert.equal(home.organizationId, null);
    const atFirst = await openColleagueChat(t(), ann, bob, first.id);
    const atSecond = await openColleagueChat(t(), bob, ann, second.id);
    assert.equal(new Set([home.id, atFirst.id, atSecond.id]).size, 3);
    assert.deepEqual([atFirst.organizationId, atSecond.organizationId], [first.id, second.id]);
  });

  it('gives two concurrent opens of the same pair one chat', async () => {
    const ann = await person(t(), 'Ann');
    const bob = await person(t(), 'Bob');
    const org = await orgWith(t(), ann, [bob]);
    const chats = await Promise.all([
      openColleagueChat(t(), ann, bob, org.id),
      openColleagueChat(t(), bob, ann, org.id),
      openColleagueChat(t(), ann, bob, org.id),
    ]);
    assert.equal(new Set(chats.map((c) => c.id)).size, 1);
  });

  it('answers 400, 401, 403 and 404', async () => {
    const ann = await person(t(), 'Ann');
    const bob = await person(t(), 'Bob');
    const cat = await person(t(), 'Cat');
    const org = await orgWith(t(), ann, [bob]);
    const other = await orgWith(t(), cat, [], 'Elsewhere');

    const malformed = await call(t(), ann, 'POST', open, {
      userId: bob.userId,
      organizationId: 'x',
    });
    assert.equal(malformed.statusCode, 400, malformed.body);
    const self = await call(t(), ann, 'POST', open, { userId: ann.userId, organizationId: org.id });
    assert.equal(self.statusCode, 400, self.body);
    const anonymous = await t().request({
      method: 'POST',
      url: open,
      payload: { userId: bob.userId, organizationId: org.id },
    });
    assert.equal(anonymous.statusCode, 401, anonymous.body);

    // Another organization's id answers like one that does not exist.
    const foreign = await call(t(), ann, 'POST', open, {
      userId: cat.userId,
      organizationId: other.id,
    });
    const unknown = await call(t(), ann, 'POST', open, {
      userId: cat.userId,
      organizationId: '01a211f0-0000-7000-8000-000000000000',
    });
    assert.deepEqual([foreign.statusCode, unknown.statusCode], [404, 404]);
    assert.equal(foreign.body, unknown.body);
    // A peer outside the organization is not a colleague.
    const outsider = await call(t(), ann, 'POST', open, {
      userId: cat.userId,
      organizationId: org.id,
    });
    assert.equal(outsider.statusCode, 404, outsider.body);

    // A block stops colleagues too, either way round.
    const blocked = await call(t(), bob, 'PUT', `/api/contacts/blocked/${ann.userId}`);
    assert.equal(blocked.statusCode, 204, blocked.body);
    const refused = await call(t(), ann, 'POST', open, {
      userId: bob.userId,
      organizationId: org.id,
    });
    assert.equal(refused.statusCode, 403, refused.body);
    assert.equal(errorId(refused), 'forbidden');
  });

  it('blocks sending in an existing colleague chat once someone blocks', async () => {
    const ann = await person(t(), 'Ann');
    const bob = await person(t(), 'Bob');
    const org = await orgWith(t(), ann, [bob]);
    const chat = await openColleagueChat(t(), ann, bob, org.id);
    await call(t(), bob, 'PUT', `/api/contacts/blocked/${ann.userId}`);
    const sent = await call(t(), ann, 'POST', `/api/conversations/${chat.id}/messages`, {
      clientId: crypto.randomUUID(),
      text: 'hello?',
    });
    assert.equal(sent.statusCode, 403, sent.body);
  });

  it('creates groups in an organization context for its members only', async () => {
    const ann = await person(t(), 'Ann');
    const cat = await person(t(), 'Cat');
    const org = await orgWith(t(), ann);
    const created = await call(t(), ann, 'POST', '/api/conversations', {
      name: 'Launch',
      organizationId: org.id,
    });
    assert.equal(created.statusCode, 201, created.body);
    const group = created.json() as Conversation;
    assert.deepEqual([group.organizationId, group.orgGroup, group.external], [org.id, null, false]);
    const outsider = await call(t(), cat, 'POST', '/api/conversations', {
      name: 'Sneaky',
      organizationId: org.id,
    });
    assert.equal(outsider.statusCode, 404, outsider.body);
    const malformed = await call(t(), ann, 'POST', '/api/conversations', {
      name: 'Launch',
      organizationId: 42,
    });
    assert.equal(malformed.statusCode, 400, malformed.body);
  });
});
