import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeEachDialectAndBus, useTestApp } from '../../../test/harness';
import { listenOnLoopback, RealtimeClient } from '../../../test/realtime-client';
import { EVENTS_TOPIC, EventsService, type EventBatch } from '../messaging/events.service';
import { groupWith, people, send } from '../messaging/messaging.test-support';
import { messagingStore } from '../messaging/messaging.store';
import { assertEveryEvent, connectReady, headOfLog, newestCursor } from './realtime.test-support';

describeEachDialectAndBus('real-time connection: event delivery and resume', (dialect, bus) => {
  const t = useTestApp(dialect, { env: bus });
  let url: string;
  before(async () => {
    url = await listenOnLoopback(t());
  });

  it('starts from the newest cursor without `after`, then delivers a message sent over REST', async () => {
    const [ann, bob] = await people(t(), 2);
    const group = await groupWith(t(), ann!, [bob!]);
    const client = await RealtimeClient.connect(url, { token: bob!.token });
    const ready = await client.waitFor((f) => f.type === 'ready');
    assert.deepEqual(ready, { type: 'ready', cursor: await headOfLog(t()) });
    assert.ok(client.cursor > 0, 'joining the group left events before the connection');
    assert.equal(client.events.length, 0);

    const message = await send(t(), ann!, group.id, 'hello over the socket');
    await client.waitFor((f) => f.type === 'event');
    const [event] = client.events;
    assert.equal(event!.type, 'message.created');
    assert.equal(event!.cursor, await newestCursor(t(), bob!.userId));
    assert.equal(event!.payload.conversationId, group.id);
    assert.equal(event!.payload.seq, message.seq);
    await client.close();
  });

  it('sends the backlog after `after`, then `ready`, each event once and in order', async () => {
    const [ann, bob] = await people(t(), 2);
    const group = await groupWith(t(), ann!, [bob!]);
    for (let i = 0; i < 5; i++) await send(t(), ann!, group.id, `backlog ${i}`);
    const newest = await newestCursor(t(), bob!.userId);
    const client = await connectReady(url, bob!, { after: 0 });
    await assertEveryEvent(
      t(),
      bob!.userId,
      client.events.map((e) => e.cursor),
    );
    assert.equal(client.cursor, newest);
    assert.deepEqual(client.frames.at(-1), { type: 'ready', cursor: newest });
    await client.close();
  });

  it('gives every device of a person every event', async () => {
    const [ann, bob] = await people(t(), 2);
    const group = await groupWith(t(), ann!, [bob!]);
    const devices = [await connectReady(url, bob!), await connectReady(url, bob!)];
    await send(t(), ann!, group.id, 'to both devices');
    const newest = await newestCursor(t(), bob!.userId);
    for (const device of devices) {
      await device.waitForCursor(newest);
      await device.close();
    }
  });

  it('resumes after a disconnect with exactly the missed events while sends go on', async () => {
    const [ann, bob] = await people(t(), 2);
    const group = await groupWith(t(), ann!, [bob!]);
    const first = await connectReady(url, bob!, { after: 0 });
    await send(t(), ann!, group.id, 'seen live');
    await first.waitForCursor(await newestCursor(t(), bob!.userId));

    // Keep sending while the device drops off and comes back.
    const sending = (async () => {
      for (let i = 0; i < 20; i++) await send(t(), ann!, group.id, `during ${i}`);
    })();
    await first.close();
    const second = await first.reconnect();
    await sending;
    const newest = await newestCursor(t(), bob!.userId);
    await second.waitForCursor(newest);
    await assertEveryEvent(
      t(),
      bob!.userId,
      [...first.events, ...second.events].map((e) => e.cursor),
    );
    await second.close();
  });

  it('fills a gap from the log when the bus lost an event, and drops a repeated one', async () => {
    const [ann, bob] = await people(t(), 2);
    const group = await groupWith(t(), ann!, [bob!]);
    const client = await connectReady(url, bob!, { after: 0 });
    const start = await newestCursor(t(), bob!.userId);
    await client.waitForCursor(start);

    // An event written to the log but never published: the bus "dropped" it.
    const unpublished = new EventsService(messagingStore(t().db.db), t().clock);
    await unpublished.inTransaction((_tx, emit) =>
      emit([bob!.userId], 'conversation.updated', { conversationId: group.id }),
    );
    // The same event arriving twice (a redelivery) must not reach the client twice.
    const [seen] = client.events.slice(-1);
    const again: EventBatch = {
      type: 'events',
      eventType: seen!.type,
      payload: JSON.stringify(seen!.payload),
      createdAt: seen!.createdAt,
      cursors: [[bob!.userId, seen!.cursor]],
    };
    await t().app.bus.publish(EVENTS_TOPIC, again);
    await send(t(), ann!, group.id, 'after the gap');

    await client.waitForCursor(await newestCursor(t(), bob!.userId));
    await assertEveryEvent(
      t(),
      bob!.userId,
      client.events.map((e) => e.cursor),
    );
    assert.equal(client.events.at(-2)!.type, 'conversation.updated');
    await client.close();
  });
});
