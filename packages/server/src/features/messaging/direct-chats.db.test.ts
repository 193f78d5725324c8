import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Conversation, Receipts } from '@carillon/protocol/messaging';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { errorId } from '../../../test/factories';
import { friends, openDirect, post } from './message-kinds.test-support';
import { call, people, send } from './messaging.test-support';

describeEachDialect('messaging: one-to-one chats', (dialect) => {
  const t = useTestApp(dialect);

  it('opens one chat per pair, from either side, showing the other person', async () => {
    const [mei, wei] = await friends(t());
    const opened = await openDirect(t(), mei, wei);
    assert.equal(opened.kind, 'direct');
    assert.equal(opened.name, null);
    assert.equal(opened.peerId, wei.userId);
    assert.equal(opened.role, 'member');
    assert.equal(opened.memberCount, 2);
    assert.equal((await openDirect(t(), mei, wei)).id, opened.id, 'opening again is idempotent');
    const fromWei = await openDirect(t(), wei, mei);
    assert.equal(fromWei.id, opened.id);
    assert.equal(fromWei.peerId, mei.userId);
    const listed = (await call(t(), wei, 'GET', '/api/conversations')).json().conversations;
    assert.deepEqual(
      listed.map((c: Conversation) => [c.id, c.peerId]),
      [[opened.id, mei.userId]],
    );
  });

  it('creates exactly one chat when both people open it at once', async () => {
    const [mei, wei] = await friends(t());
    const opened = await Promise.all([
      call(t(), mei, 'POST', '/api/conversations/direct', { userId: wei.userId }),
      call(t(), wei, 'POST', '/api/conversations/direct', { userId: mei.userId }),
      call(t(), mei, 'POST', '/api/conversations/direct', { userId: wei.userId }),
    ]);
    for (const response of opened) assert.equal(response.statusCode, 200, response.body);
    assert.equal(new Set(opened.map((r) => (r.json() as Conversation).id)).size, 1);
    const rows = await t()
      .db.db.selectFrom('conversations')
      .select('id')
      .where('kind', '=', 'direct')
      .innerJoin('conversation_members as m', 'm.conversation_id', 'conversations.id')
      .where('m.user_id', '=', mei.userId)
      .execute();
    assert.equal(rows.length, 1);
  });

  it('refuses strangers (403), oneself (400), and anyone a block stands between', async () => {
    const [mei, wei] = await friends(t());
    const [stranger] = await people(t(), 1);
    const toStranger = await call(t(), mei, 'POST', '/api/conversations/direct', {
      userId: stranger!.userId,
    });
    assert.equal(errorId(toStranger), 'forbidden');
    const self = await call(t(), mei, 'POST', '/api/conversations/direct', { userId: mei.userId });
    assert.equal(errorId(self), 'validation_failed');
    const chat = await openDirect(t(), mei, wei);
    await send(t(), wei, chat.id, 'hi');
    const blocked = await call(t(), mei, 'PUT', `/api/contacts/blocked/${wei.userId}`);
    assert.equal(blocked.statusCode, 204, blocked.body);
    for (const [from, to] of [
      [wei, mei],
      [mei, wei],
    ] as const) {
      const open = await call(t(), from, 'POST', '/api/conversations/direct', {
        userId: to.userId,
      });
      assert.equal(errorId(open), 'forbidden', 'the blocked person cannot open the chat');
      const sent = await post(t(), from, chat.id, { text: 'still there?' });
      assert.equal(errorId(sent), 'forbidden', 'no messages across a block');
    }
  });

  it('has no group actions (409) and shows read status to the sender', async () => {
    const [mei, wei] = await friends(t());
    const chat = await openDirect(t(), mei, wei);
    const base = `/api/conversations/${chat.id}`;
    const groupOnly = [
      ['PATCH', base, { name: 'Us' }],
      ['POST', `${base}/invites`, {}],
      ['GET', `${base}/invite.svg`, undefined],
      ['POST', `${base}/leave`, undefined],
      ['DELETE', base, undefined],
      ['DELETE', `${base}/members/${wei.userId}`, undefined],
      ['PUT', `${base}/members/${wei.userId}/role`, { role: 'admin' }],
      ['POST', `${base}/transfer`, { userId: wei.userId }],
      ['GET', `${base}/join-requests`, undefined],
    ] as const;
    for (const [method, url, payload] of groupOnly) {
      const response = await call(t(), mei, method, url, payload);
      assert.equal(response.statusCode, 409, `${method} ${url}: ${response.body}`);
    }
    const message = await send(t(), mei, chat.id, 'Lunch?');
    const receiptsUrl = `${base}/messages/${message.seq}/receipts`;
    const before = (await call(t(), mei, 'GET', receiptsUrl)).json() as Receipts;
    assert.equal(before.status, 'unread');
    await call(t(), wei, 'POST', `${base}/read`, { seq: message.seq });
    const after = (await call(t(), mei, 'GET', receiptsUrl)).json() as Receipts;
    assert.deepEqual([after.status, after.readBy], ['read', [wei.userId]]);
  });

  it('answers 401 without a session and 400 for a malformed body', async () => {
    const [mei] = await people(t(), 1);
    const anonymous = await t().request({
      method: 'POST',
      url: '/api/conversations/direct',
      payload: { userId: mei!.userId },
    });
    assert.equal(anonymous.statusCode, 401);
    const malformed = await call(t(), mei!, 'POST', '/api/conversations/direct', { userId: 'x' });
    assert.equal(malformed.statusCode, 400);
  });
});
