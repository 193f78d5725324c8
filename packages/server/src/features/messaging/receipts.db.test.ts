import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Conversation, Receipts } from '@carillon/protocol/messaging';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { call, groupWith, people, send, type Person } from './messaging.test-support';

describeEachDialect('messaging: unread counts and read receipts', (dialect) => {
  const t = useTestApp(dialect);

  const listed = async (who: Person) =>
    (await call(t(), who, 'GET', '/api/conversations')).json().conversations as Conversation[];
  const read = (who: Person, id: string, seq: number) =>
    call(t(), who, 'POST', `/api/conversations/${id}/read`, { seq });
  const receipts = async (who: Person, id: string, seq: number) => {
    const response = await call(
      t(),
      who,
      'GET',
      `/api/conversations/${id}/messages/${seq}/receipts`,
    );
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as Receipts;
  };

  it('counts unread messages per conversation and lists by last activity', async () => {
    const [owner, mei] = await people(t(), 2);
    const quiet = await groupWith(t(), owner!, [mei!]);
    const busy = await groupWith(t(), owner!, [mei!]);
    await send(t(), owner!, busy.id, 'one');
    t().clock.advance(1000);
    await send(t(), owner!, quiet.id, 'two');
    t().clock.advance(1000);
    await send(t(), owner!, quiet.id, 'three');
    const seen = await listed(mei!);
    assert.deepEqual(
      seen.map((c) => [c.id, c.unread]),
      [
        [quiet.id, 2],
        [busy.id, 1],
      ],
    );
    assert.deepEqual(
      (await listed(owner!)).map((c) => c.unread),
      [0, 0],
      'own messages are never unread',
    );
    await read(mei!, quiet.id, 1);
    assert.equal((await listed(mei!))[0]!.unread, 1);
  });

  it('keeps read positions monotonic and within the conversation', async () => {
    const [owner, mei] = await people(t(), 2);
    const { id } = await groupWith(t(), owner!, [mei!]);
    for (const text of ['a', 'b', 'c']) await send(t(), owner!, id, text);
    assert.equal((await read(mei!, id, 2)).json().readSeq, 2);
    assert.equal((await read(mei!, id, 1)).json().readSeq, 2, 'never moves back');
    assert.equal((await read(mei!, id, 99)).json().readSeq, 3, 'never past the newest');
  });

  it('shows the sender who has and has not read a message, as members read', async () => {
    const [owner, a, b] = await people(t(), 3);
    const { id } = await groupWith(t(), owner!, [a!, b!]);
    const message = await send(t(), owner!, id, 'Lunch?');
    const before = await receipts(owner!, id, message.seq);
    assert.deepEqual([before.readCount, before.unreadCount], [0, 2]);
    assert.deepEqual(new Set(before.unreadBy), new Set([a!.userId, b!.userId]));
    assert.equal(before.status, undefined, 'groups show counts, not read/unread');
    await read(a!, id, message.seq);
    const after = await receipts(owner!, id, message.seq);
    assert.deepEqual(after, {
      seq: message.seq,
      readCount: 1,
      unreadCount: 1,
      readBy: [a!.userId],
      unreadBy: [b!.userId],
    });
    const notSender = await call(t(), a!, 'GET', `/api/conversations/${id}/messages/1/receipts`);
    assert.equal(notSender.statusCode, 403);
  });

  it('reads "read" or "unread" in a one-to-one chat', async () => {
    const [mei, ali] = await people(t(), 2);
    const { id } = await groupWith(t(), mei!, [ali!]);
    // One-to-one chats are created with contacts later; the receipt rule is already here.
    await t()
      .db.db.updateTable('conversations')
      .set({ kind: 'direct' })
      .where('id', '=', id)
      .execute();
    const message = await send(t(), mei!, id, 'Are you in?');
    assert.equal((await receipts(mei!, id, message.seq)).status, 'unread');
    await read(ali!, id, message.seq);
    assert.equal((await receipts(mei!, id, message.seq)).status, 'read');
  });
});
