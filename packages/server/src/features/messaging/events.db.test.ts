import assert from 'node:assert/strict';
import { beforeEach, it } from 'node:test';
import type { EventList, UserEvent } from '@carillon/protocol/messaging';
import type { BusEvent } from '../../platform/bus/event-bus';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { call, groupWith, people, send, type Person } from './messaging.test-support';
import { headOfLog } from '../realtime/realtime.test-support';
import { EVENTS_TOPIC, EventsService, isEventBatch } from './events.service';
import { messagingStore } from './messaging.store';

describeEachDialect('messaging: event stream', (dialect) => {
  const t = useTestApp(dialect, { env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
  // The tests register many people between them: past the hourly cap on verification codes.
  beforeEach(() => t().clock.advance(60 * 60 * 1000));

  const assertRising = (events: UserEvent[]) =>
    assert.ok(
      events.every((e, i) => i === 0 || e.cursor > events[i - 1]!.cursor),
      'cursors rise',
    );

  const page = async (who: Person, after: number, limit = 100) => {
    const response = await call(t(), who, 'GET', `/api/events?after=${after}&limit=${limit}`);
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as EventList;
  };

  /** Every event after `after`, paging as a device coming back online would. */
  const drain = async (who: Person, after = 0, limit = 2) => {
    const all: UserEvent[] = [];
    for (let cursor = after; ;) {
      const { events, nextCursor } = await page(who, cursor, limit);
      if (events.length === 0) return all;
      all.push(...events);
      cursor = nextCursor;
    }
  };

  it('writes each change as an event with a log position, resumable by paging', async () => {
    const [owner, mei] = await people(t(), 2);
    const { id } = await groupWith(t(), owner!, [mei!]);
    const message = await send(t(), owner!, id, 'hello');
    await call(t(), mei!, 'POST', `/api/conversations/${id}/read`, { seq: message.seq });
    await call(t(), owner!, 'POST', `/api/conversations/${id}/messages/1/recall`);
    await call(t(), owner!, 'PATCH', `/api/conversations/${id}`, { name: 'Renamed' });
    await call(t(), mei!, 'POST', `/api/conversations/${id}/leave`);
    const events = await drain(owner!);
    assertRising(events);
    assert.deepEqual(
      events.map((e) => e.type),
      [
        'member.joined',
        'member.joined',
        'message.created',
        'receipt.updated',
        'message.recalled',
        'conversation.updated',
        'member.left',
      ],
    );
    assert.deepEqual(events[2]!.payload, {
      conversationId: id,
      seq: 1,
      messageId: message.id,
      senderId: owner!.userId,
      kind: 'text',
    });
    const resumed = await drain(owner!, events[3]!.cursor);
    assert.deepEqual(resumed, events.slice(4));
    const meis = await drain(mei!);
    assert.equal(meis.at(-1)!.type, 'member.left', 'the leaver hears of it too');
    assert.deepEqual((await page(mei!, meis.at(-1)!.cursor)).events, []);
  });

  it('names whom a message mentions, so a muted chat can still notify them', async () => {
    const [owner, mei, wei] = await people(t(), 3);
    const { id } = await groupWith(t(), owner!, [mei!, wei!]);
    await send(t(), owner!, id, '@Mei @Mei', { mentions: [mei!.userId, mei!.userId] });
    await send(t(), owner!, id, '@all', { mentionAll: true });
    const created = (await drain(wei!)).filter((e) => e.type === 'message.created');
    assert.deepEqual(
      created.map((e) => [e.payload.mentions, e.payload.mentionAll]),
      [
        [[mei!.userId], undefined],
        [undefined, true],
      ],
    );
  });

  it('forgets whom a recalled message mentioned, in every member’s log', async () => {
    const [owner, mei, wei] = await people(t(), 3);
    const { id } = await groupWith(t(), owner!, [mei!, wei!]);
    const kept = await send(t(), owner!, id, '@Mei stays', { mentions: [mei!.userId] });
    const gone = await send(t(), owner!, id, '@Mei @all goes', {
      mentions: [mei!.userId],
      mentionAll: true,
    });
    const recalled = await call(
      t(),
      owner!,
      'POST',
      `/api/conversations/${id}/messages/${gone.seq}/recall`,
    );
    assert.equal(recalled.statusCode, 200, recalled.body);
    for (const who of [owner!, mei!, wei!]) {
      const created = (await drain(who)).filter((e) => e.type === 'message.created');
      assert.deepEqual(
        created.map((e) => [e.payload.seq, e.payload.mentions, e.payload.mentionAll]),
        [
          [kept.seq, [mei!.userId], undefined],
          [gone.seq, undefined, undefined],
        ],
      );
    }
  });

  it('publishes nothing of a unit that rolls back, and the log keeps none of it', async () => {
    const [ann] = await people(t(), 1);
    const published: unknown[] = [];
    const events = new EventsService(
      messagingStore(t().db.db),
      t().clock,
      async (_topic, batch) => {
        published.push(batch);
      },
    );
    const head = await headOfLog(t());
    await assert.rejects(
      events.inTransaction(async (_tx, emit) => {
        await emit([ann!.userId], 'conversation.updated', { conversationId: 'rolled-back' });
        throw new Error('the change failed after its event was written');
      }),
      /the change failed/,
    );
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(published, []);
    assert.equal(await headOfLog(t()), head, 'no position was taken');
    assert.deepEqual(
      (await page(ann!, 0)).events.filter((e) => e.payload.conversationId === 'rolled-back'),
      [],
    );

    await events.inTransaction((_tx, emit) =>
      emit([ann!.userId], 'conversation.updated', { conversationId: 'committed' }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(published.length, 1, 'a committed unit publishes');
  });

  it('publishes each committed event once on the bus, with every member’s cursor', async () => {
    const [owner, mei] = await people(t(), 2);
    const { id } = await groupWith(t(), owner!, [mei!]);
    const heard: BusEvent[] = [];
    const subscription = await t().app.bus.subscribe(EVENTS_TOPIC, (e) => heard.push(e));
    await send(t(), owner!, id, 'live');
    for (let i = 0; i < 50 && heard.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await subscription.unsubscribe();
    assert.equal(heard.length, 1);
    const [batch] = heard;
    assert.ok(batch && isEventBatch(batch));
    assert.equal(batch.eventType, 'message.created');
    assert.equal((JSON.parse(batch.payload) as { conversationId: string }).conversationId, id);
    const logged = async (who: typeof owner) => (await page(who!, 0)).events.at(-1)!.cursor;
    assert.deepEqual(
      new Map(batch.cursors),
      new Map([
        [owner!.userId, await logged(owner)],
        [mei!.userId, await logged(mei)],
      ]),
    );
  });

  it('holds a group event once, whatever the number of members', async () => {
    const [owner, ...others] = await people(t(), 6);
    const { id } = await groupWith(t(), owner!, others);
    const before = await headOfLog(t());
    await send(t(), owner!, id, 'one row for six');
    assert.equal(await headOfLog(t()), before + 1);
    for (const member of [owner!, ...others]) {
      const [event] = await drain(member, before);
      assert.equal(event?.type, 'message.created');
      assert.equal(event.cursor, before + 1);
    }
  });

  it("shows a member the conversation's events from when they joined to when they left", async () => {
    const [owner, early, late] = await people(t(), 3);
    const { id, token } = await groupWith(t(), owner!, [early!]);
    await send(t(), owner!, id, 'before the late one joined');
    await call(t(), late!, 'POST', '/api/conversations/join', { token });
    await send(t(), owner!, id, 'after');
    await call(t(), late!, 'POST', `/api/conversations/${id}/leave`);
    await send(t(), owner!, id, 'after the late one left');

    const created = (events: UserEvent[]) =>
      events.filter((e) => e.type === 'message.created').map((e) => e.payload.seq);
    assert.deepEqual(created(await drain(early!)), [1, 2, 3]);
    assert.deepEqual(created(await drain(late!)), [], 'a leaver reads none of it back');
    assert.deepEqual(
      (await drain(late!)).map((e) => e.type),
      ['member.joined', 'member.left'],
      'but keeps what was said to them alone',
    );
  });

  it("pages past other people's events to reach a person's own", async () => {
    const [owner, mei, kai] = await people(t(), 3);
    const ours = await groupWith(t(), owner!, [mei!]);
    const theirs = await groupWith(t(), owner!, [kai!]);
    const start = await headOfLog(t());
    for (let i = 0; i < 12; i++) await send(t(), owner!, theirs.id, `not for Mei ${i}`);
    const mine = await send(t(), owner!, ours.id, 'for Mei');
    const first = await page(mei!, start, 2);
    assert.deepEqual(
      first.events.map((e) => e.payload.seq),
      [mine.seq],
    );
    assert.equal(first.nextCursor, await headOfLog(t()));
    assert.deepEqual((await page(mei!, first.nextCursor)).events, []);
  });
});
