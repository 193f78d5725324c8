import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import type { Message, Receipts, UserEvent } from '@carillon/protocol/messaging';
import { jpeg, uploadFile } from '../../src/features/files/files.test-support';
import { call, type Person } from '../../src/features/messaging/messaging.test-support';
import { befriend } from '../contacts';
import { registerUser, signInOn } from '../factories';
import { describeEachDialectAndBus, useTestApp, type TestApp } from '../harness';
import { listenOnLoopback, RealtimeClient } from '../realtime-client';

/**
 * The whole of daily chat as two people on two devices each see it over
 * their WebSockets: friends, a one-to-one chat with an image, a group with a
 * file, read receipts, recall. Every step is checked on every device.
 */

interface Someone extends Person {
  phone: string;
  /** Two devices: the sign-up session and a second sign-in. */
  devices: RealtimeClient[];
}

async function someone(t: TestApp, url: string, nickname: string): Promise<Someone> {
  const account = await registerUser(t, { nickname });
  const tokens = [account.token, (await signInOn(t, account)).token];
  const devices = await Promise.all(tokens.map((token) => RealtimeClient.connect(url, { token })));
  for (const d of devices) await d.waitFor((f) => f.type === 'ready');
  return { userId: account.userId, token: account.token, phone: account.phone, devices };
}

/** Waits until every device of each person has an event matching `predicate`. */
async function everyDeviceSees(
  who: Someone[],
  predicate: (event: UserEvent) => boolean,
): Promise<void> {
  for (const person of who)
    for (const d of person.devices)
      await d.waitFor((f) => f.type === 'event' && predicate(f.event));
}

const about =
  (type: string, conversationId: string, extra: Record<string, unknown> = {}) =>
  (event: UserEvent) =>
    event.type === type &&
    event.payload.conversationId === conversationId &&
    Object.entries(extra).every(([k, v]) => event.payload[k] === v);

async function sendMessage(t: TestApp, who: Person, conversationId: string, body: object) {
  const response = await call(t, who, 'POST', `/api/conversations/${conversationId}/messages`, {
    clientId: randomUUID(),
    ...body,
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json() as Message;
}

async function receipts(t: TestApp, who: Person, conversationId: string, seq: number) {
  const response = await call(
    t,
    who,
    'GET',
    `/api/conversations/${conversationId}/messages/${seq}/receipts`,
  );
  assert.equal(response.statusCode, 200, response.body);
  return response.json() as Receipts;
}

describeEachDialectAndBus('journey: two people chat on two devices each', (dialect, bus) => {
  const t = useTestApp(dialect, { env: bus });
  let url: string;
  before(async () => {
    url = await listenOnLoopback(t());
  });

  it('chat one to one with an image, see it read, and recall it', async () => {
    const ann = await someone(t(), url, 'Ann');
    const bob = await someone(t(), url, 'Bob');
    await befriend(t(), ann, bob);
    const opened = await call(t(), ann, 'POST', '/api/conversations/direct', {
      userId: bob.userId,
    });
    assert.equal(opened.statusCode, 200, opened.body);
    const chatId = (opened.json() as { id: string }).id;

    const photo = await uploadFile(t(), ann.token, {
      bytes: await jpeg(800, 600),
      filename: 'harbour.jpg',
    });
    const sent = await sendMessage(t(), ann, chatId, {
      kind: 'image',
      fileId: photo.id,
      caption: 'The harbour',
    });
    await everyDeviceSees([ann, bob], about('message.created', chatId, { seq: sent.seq }));
    const download = await call(t(), bob, 'GET', `/api/files/${photo.id}/thumbnail`);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'image/webp');
    assert.equal((await receipts(t(), ann, chatId, sent.seq)).status, 'unread');

    // Bob reads on one device; his other device and both of Ann's learn it at once.
    const read = await call(t(), bob, 'POST', `/api/conversations/${chatId}/read`, {
      seq: sent.seq,
    });
    assert.equal(read.statusCode, 200, read.body);
    await everyDeviceSees(
      [ann, bob],
      about('receipt.updated', chatId, { userId: bob.userId, readSeq: sent.seq }),
    );
    assert.equal((await receipts(t(), ann, chatId, sent.seq)).status, 'read');

    const recalled = await call(
      t(),
      ann,
      'POST',
      `/api/conversations/${chatId}/messages/${sent.seq}/recall`,
    );
    assert.equal(recalled.statusCode, 200, recalled.body);
    await everyDeviceSees([ann, bob], about('message.recalled', chatId, { seq: sent.seq }));
    const history = await call(t(), bob, 'GET', `/api/conversations/${chatId}/messages`);
    const [placeholder] = (history.json() as { messages: Message[] }).messages;
    assert.equal(placeholder!.seq, sent.seq);
    assert.equal(placeholder!.recalled, true, 'a placeholder stays');
    assert.equal(JSON.stringify(placeholder).includes('The harbour'), false);
    const gone = await call(t(), bob, 'GET', `/api/files/${photo.id}`);
    assert.equal(gone.statusCode, 404, 'a recalled image is no longer shared');

    for (const d of [...ann.devices, ...bob.devices]) await d.close();
  });

  it('share a file in a group, count who has read it live, and recall it as the owner', async () => {
    const ann = await someone(t(), url, 'Ann');
    const bob = await someone(t(), url, 'Bob');
    const cat = await someone(t(), url, 'Cat');
    const created = await call(t(), ann, 'POST', '/api/conversations', { name: 'Launch' });
    const groupId = (created.json() as { id: string }).id;
    const invite = await call(t(), ann, 'POST', `/api/conversations/${groupId}/invites`, {});
    for (const member of [bob, cat]) {
      const joined = await call(t(), member, 'POST', '/api/conversations/join', {
        token: (invite.json() as { token: string }).token,
      });
      assert.equal(joined.statusCode, 200, joined.body);
    }

    const minutes = await uploadFile(t(), bob.token, {
      bytes: Buffer.from('Minutes of the launch meeting\n'),
      filename: 'minutes.txt',
    });
    const shared = await sendMessage(t(), bob, groupId, { kind: 'file', fileId: minutes.id });
    await everyDeviceSees([ann, bob, cat], about('message.created', groupId, { seq: shared.seq }));
    const ranged = await t().request({
      method: 'GET',
      url: `/api/files/${minutes.id}`,
      headers: { authorization: `Bearer ${cat.token}`, range: 'bytes=0-7' },
    });
    assert.equal(ranged.statusCode, 206);
    assert.equal(ranged.body, 'Minutes ');

    const before = await receipts(t(), bob, groupId, shared.seq);
    assert.deepEqual([before.readCount, before.unreadCount], [0, 2]);
    await call(t(), cat, 'POST', `/api/conversations/${groupId}/read`, { seq: shared.seq });
    await everyDeviceSees([bob], about('receipt.updated', groupId, { userId: cat.userId }));
    const after = await receipts(t(), bob, groupId, shared.seq);
    assert.deepEqual(after.readBy, [cat.userId]);
    assert.deepEqual(after.unreadBy, [ann.userId]);

    // The owner may recall any message, at any time.
    t().clock.advance(3 * 24 * 60 * 60 * 1000);
    const recalled = await call(
      t(),
      ann,
      'POST',
      `/api/conversations/${groupId}/messages/${shared.seq}/recall`,
    );
    assert.equal(recalled.statusCode, 200, recalled.body);
    await everyDeviceSees([ann, bob, cat], about('message.recalled', groupId, { seq: shared.seq }));
    assert.equal((await call(t(), cat, 'GET', `/api/files/${minutes.id}`)).statusCode, 404);

    for (const d of [...ann.devices, ...bob.devices, ...cat.devices]) await d.close();
  });
});
