import { CloseCode } from '@carillon/protocol/realtime';
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { describeEachDialectAndBus, useTestApp } from '../../../test/harness';
import { listenOnLoopback } from '../../../test/realtime-client';
import { userTopic } from '../messaging/events.service';
import { groupWith, people, send } from '../messaging/messaging.test-support';
import { assertEveryEvent, connectReady, newestCursor } from './realtime.test-support';
import type { TypingBusEvent } from './typing-relay';

describeEachDialectAndBus('real-time connection: slow consumers', (dialect, bus) => {
  const t = useTestApp(dialect, { env: { ...bus, WS_SEND_BUFFER_BYTES: '1024' } });
  let url: string;
  before(async () => {
    url = await listenOnLoopback(t());
  });

  /** Whether the server has begun closing a client socket (it waits for the peer to answer). */
  const serverClosing = () =>
    [...t().app.websocketServer.clients].some((socket) => socket.readyState === socket.CLOSING);

  it('closes a client that stops reading with slowConsumer; it resumes from its cursor', async () => {
    const [ann, bob] = await people(t(), 2);
    const group = await groupWith(t(), ann!, [bob!]);
    const reader = await connectReady(url, bob!, { after: 0 });
    reader.pause();

    // A burst of live frames (typing notices straight onto Bob's topic) until the
    // kernel buffers are full and the server's own buffer passes its 1 KiB cap.
    const notice: TypingBusEvent = {
      type: 'typing',
      kind: 'ephemeral',
      conversationId: group.id,
      userId: ann!.userId,
    };
    for (let round = 0; round < 200 && !serverClosing(); round++) {
      await Promise.all(
        Array.from({ length: 500 }, () => t().app.bus.publish(userTopic(bob!.userId), notice)),
      );
      await sleep(1);
    }
    assert.ok(serverClosing(), 'the server gave up on the paused client');
    await send(t(), ann!, group.id, 'sent while Bob was cut off');

    reader.resume();
    assert.equal((await reader.closed).code, CloseCode.slowConsumer);
    const resumed = await reader.reconnect();
    const newest = await newestCursor(t(), bob!.userId);
    await resumed.waitForCursor(newest);
    await assertEveryEvent(
      t(),
      bob!.userId,
      [...reader.events, ...resumed.events].map((e) => e.cursor),
    );
    await resumed.close();
  });
});
