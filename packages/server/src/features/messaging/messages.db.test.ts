import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import type { Message } from '@carillon/protocol/messaging';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { errorId } from '../../../test/factories';
import { call, groupWith, people, send, seqs } from './messaging.test-support';
import { headOfLog } from '../realtime/realtime.test-support';

const HOUR = 60 * 60 * 1000;

describeEachDialect('messaging: messages', (dialect) => {
  const t = useTestApp(dialect);

  it('stores a text with mentions and a reply, encrypted, and numbers it per conversation', async () => {
    const [owner, mei] = await people(t(), 2);
    const { id } = await groupWith(t(), owner!, [mei!]);
    const first = await send(t(), owner!, id, 'Hello @Mei', { mentions: [mei!.userId] });
    const reply = await send(t(), mei!, id, 'Hi!', { replyTo: first.seq });
    assert.deepEqual([first.seq, reply.seq, reply.replyTo], [1, 2, 1]);
    assert.deepEqual(first.mentions, [mei!.userId]);
    const stored = await t()
      .db.db.selectFrom('messages')
      .select('body')
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    assert.ok(stored.body && !stored.body.includes('Hello'), 'the body is stored encrypted');
    const stranger = await send(t(), owner!, id, 'x', { replyTo: 1 });
    assert.equal(stranger.seq, 3);
    const badMention = await call(t(), owner!, 'POST', `/api/conversations/${id}/messages`, {
      clientId: randomUUID(),
      text: 'hey',
      mentions: [randomUUID()],
    });
    assert.equal(errorId(badMention), 'validation_failed');
  });

  it('allows @all only to owners and admins', async () => {
    const [owner, mei] = await people(t(), 2);
    const { id } = await groupWith(t(), owner!, [mei!]);
    assert.equal((await send(t(), owner!, id, 'All hands', { mentionAll: true })).mentionAll, true);
    const denied = await call(t(), mei!, 'POST', `/api/conversations/${id}/messages`, {
      clientId: randomUUID(),
      text: 'All hands',
      mentionAll: true,
    });
    assert.equal(denied.statusCode, 403);
  });

  it('returns the original message when a send is retried with the same clientId', async () => {
    const [owner] = await people(t(), 1);
    const { id } = await groupWith(t(), owner!);
    const payload = { clientId: randomUUID(), text: 'once' };
    const url = `/api/conversations/${id}/messages`;
    const sent = await Promise.all([1, 2, 3].map(() => call(t(), owner!, 'POST', url, payload)));
    const ids = new Set(sent.map((r) => (r.json() as Message).id));
    assert.equal(ids.size, 1);
    const again = await call(t(), owner!, 'POST', url, payload);
    assert.equal((again.json() as Message).id, [...ids][0]);
    assert.deepEqual(await seqs(t(), owner!, id), [1]);
  });

  it('refuses a clientId already used for a message in another conversation (409)', async () => {
    const [owner] = await people(t(), 1);
    const first = await groupWith(t(), owner!);
    const second = await groupWith(t(), owner!);
    const payload = { clientId: randomUUID(), text: 'once' };
    const sendTo = (id: string) =>
      call(t(), owner!, 'POST', `/api/conversations/${id}/messages`, payload);
    const sent = await sendTo(first.id);
    assert.equal(sent.statusCode, 201, sent.body);
    const reused = await sendTo(second.id);
    assert.deepEqual([reused.statusCode, errorId(reused)], [409, 'conflict']);
    assert.deepEqual(await seqs(t(), owner!, second.id), []);
  });

  it('gives 30 concurrent sends distinct, contiguous seqs', async () => {
    const senders = await people(t(), 3);
    const { id } = await groupWith(t(), senders[0]!, senders.slice(1));
    const before = await headOfLog(t());
    const sends = Array.from({ length: 30 }, (_, i) => send(t(), senders[i % 3]!, id, `m${i}`));
    const numbers = (await Promise.all(sends)).map((m) => m.seq).sort((a, b) => a - b);
    assert.deepEqual(
      numbers,
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
    const positions = await t()
      .db.db.selectFrom('events')
      .select('position')
      .where('position', '>', before)
      .orderBy('position')
      .execute();
    const head = await headOfLog(t());
    assert.deepEqual(
      positions.map((row) => Number(row.position)),
      Array.from({ length: head - before }, (_, i) => before + i + 1),
      'the log hands out positions without holes under concurrent writers',
    );
    assert.ok(positions.length >= 30);
  });

  it('refuses a text over 4,000 characters (400) and a body over 64 KiB (413), storing nothing', async () => {
    const [owner] = await people(t(), 1);
    const { id } = await groupWith(t(), owner!);
    const post = (text: string) =>
      call(t(), owner!, 'POST', `/api/conversations/${id}/messages`, {
        clientId: randomUUID(),
        text,
      });
    const head = await headOfLog(t());
    const long = await post('x'.repeat(4001));
    assert.equal(long.statusCode, 400);
    assert.equal(errorId(long), 'validation_failed');
    const huge = await post('x'.repeat(70_000));
    assert.equal(huge.statusCode, 413);
    assert.equal(errorId(huge), 'payload_too_large');
    assert.deepEqual(await seqs(t(), owner!, id), []);
    assert.equal(await headOfLog(t()), head, 'no event either');
    assert.equal((await post('x'.repeat(4000))).statusCode, 201, 'exactly 4,000 is allowed');
  });

  it('pages history by keyset, newest first, and around a message', async () => {
    const [owner] = await people(t(), 1);
    const { id } = await groupWith(t(), owner!);
    for (let i = 1; i <= 12; i++) await send(t(), owner!, id, `m${i}`);
    assert.deepEqual(await seqs(t(), owner!, id, '?limit=5'), [12, 11, 10, 9, 8]);
    assert.deepEqual(await seqs(t(), owner!, id, '?limit=5&before=8'), [7, 6, 5, 4, 3]);
    assert.deepEqual(await seqs(t(), owner!, id, '?limit=5&before=3'), [2, 1]);
    assert.deepEqual(await seqs(t(), owner!, id, '?limit=5&around=6'), [8, 7, 6, 5, 4]);
    assert.deepEqual(await seqs(t(), owner!, id, '?limit=4&around=12'), [12, 11, 10, 9]);
  });

  it('lets the sender recall within 24 hours, and owners or admins at any time', async () => {
    const [owner, mei] = await people(t(), 2);
    const { id } = await groupWith(t(), owner!, [mei!]);
    const early = await send(t(), mei!, id, 'oops');
    const late = await send(t(), mei!, id, 'later');
    const recall = (seq: number, who = mei!) =>
      call(t(), who, 'POST', `/api/conversations/${id}/messages/${seq}/recall`);
    const recalled = (await recall(early.seq)).json() as Message;
    assert.deepEqual([recalled.recalled, recalled.text], [true, null]);
    const row = await t()
      .db.db.selectFrom('messages')
      .select(['body', 'recalled_at'])
      .where('id', '=', early.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.body, null, 'recalled content leaves the store');
    assert.equal((await recall(late.seq, owner!)).statusCode, 200);
    const third = await send(t(), mei!, id, 'too late');
    t().clock.advance(24 * HOUR + 1);
    const refused = await recall(third.seq);
    assert.equal(refused.statusCode, 403);
    assert.equal((await recall(third.seq, owner!)).statusCode, 200);
    const ownerOld = await send(t(), owner!, id, 'mine');
    assert.equal((await recall(ownerOld.seq)).statusCode, 403, 'members cannot recall others');
    assert.equal((await recall(99)).statusCode, 404);
  });

  it('deletes a message for the caller only', async () => {
    const [owner, mei] = await people(t(), 2);
    const { id } = await groupWith(t(), owner!, [mei!]);
    await send(t(), owner!, id, 'one');
    await send(t(), owner!, id, 'two');
    const hidden = await call(t(), mei!, 'DELETE', `/api/conversations/${id}/messages/1`);
    assert.equal(hidden.statusCode, 204);
    assert.deepEqual(await seqs(t(), mei!, id), [2]);
    assert.deepEqual(await seqs(t(), owner!, id), [2, 1]);
  });

  it('leaves an erased sender’s message bodies unreadable in the others’ history', async () => {
    const [owner, mei] = await people(t(), 2);
    const { id } = await groupWith(t(), owner!, [mei!]);
    const secret = await send(t(), mei!, id, 'my secret');
    await send(t(), owner!, id, 'still here');
    const sealed = await t()
      .db.db.selectFrom('messages')
      .select('body')
      .where('id', '=', secret.id)
      .executeTakeFirstOrThrow();
    await t().app.dataEngines.erase(mei!.userId, { kind: 'all' });
    assert.equal(await t().vault.decrypt(mei!.userId, sealed.body!), undefined);
    const history = (await call(t(), owner!, 'GET', `/api/conversations/${id}/messages`)).json()
      .messages as Message[];
    assert.deepEqual(
      history.map((m) => [m.seq, m.senderId, m.text]),
      [
        [2, owner!.userId, 'still here'],
        [1, null, null],
      ],
    );
  });
});
