import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { before, it } from 'node:test';
import { describeEachDialectAndBus, useTestApp } from '../../../test/harness';
import { listenOnLoopback } from '../../../test/realtime-client';
import { groupWith, people } from '../messaging/messaging.test-support';
import { connectReady } from './realtime.test-support';
import { TYPING_WINDOW_MS } from './typing-relay';

describeEachDialectAndBus('real-time connection: typing and bad input', (dialect, bus) => {
  const t = useTestApp(dialect, { env: bus });
  let url: string;
  before(async () => {
    url = await listenOnLoopback(t());
  });

  it("relays typing to the other members' devices, at most once per conversation per window", async () => {
    const [ann, bob] = await people(t(), 2);
    const [first, second] = [
      await groupWith(t(), ann!, [bob!]),
      await groupWith(t(), ann!, [bob!]),
    ];
    const annDevice = await connectReady(url, ann!);
    const bobDevice = await connectReady(url, bob!);

    annDevice.send({ type: 'typing', conversationId: first.id });
    annDevice.send({ type: 'typing', conversationId: first.id }); // within the window: dropped
    annDevice.send({ type: 'typing', conversationId: second.id });
    // Frames are handled in order, so once the second conversation's notice is
    // in, a relay of the dropped frame would have arrived before it.
    await bobDevice.waitFor((f) => f.type === 'typing' && f.conversationId === second.id);
    t().clock.advance(TYPING_WINDOW_MS);
    annDevice.send({ type: 'typing', conversationId: first.id });
    const typing = () => bobDevice.frames.filter((f) => f.type === 'typing');
    await bobDevice.waitFor(() => typing().length === 3);

    assert.deepEqual(
      typing(),
      [first.id, second.id, first.id].map((conversationId) => ({
        type: 'typing',
        conversationId,
        userId: ann!.userId,
      })),
    );
    annDevice.send({ type: 'ping', id: 'flush' });
    await annDevice.waitFor((f) => f.type === 'pong');
    assert.equal(annDevice.frames.filter((f) => f.type === 'typing').length, 0, 'not to oneself');
    assert.equal(bobDevice.events.length, 0, 'typing is never a stream event');
    await Promise.all([annDevice.close(), bobDevice.close()]);
  });

  it('answers typing in a conversation the sender is not in with an error, relaying nothing', async () => {
    const [ann, bob, mallory] = await people(t(), 3);
    const group = await groupWith(t(), ann!, [bob!]);
    const intruder = await connectReady(url, mallory!);
    intruder.send({ type: 'typing', conversationId: group.id });
    const error = await intruder.waitFor((f) => f.type === 'error');
    assert.equal(error.type === 'error' && error.error.id, 'not_found');
    await intruder.close();
  });

  it('answers malformed and unknown frames with validation_failed and stays open', async () => {
    const [ann] = await people(t(), 1);
    const client = await connectReady(url, ann!);
    for (const bad of [
      'not json',
      '{"type":"nope"}',
      '{"type":"typing","conversationId":"x"}',
      '{"type":"ping","extra":1}',
    ])
      client.send(bad);
    client.socket.send(Buffer.from('{"type":"ping","id":"binary"}'), { binary: true });
    client.send({ type: 'ping', id: 'alive' });
    await client.waitFor((f) => f.type === 'pong' && f.id === 'alive');
    const errors = client.frames.filter((f) => f.type === 'error');
    assert.equal(errors.length, 5, 'a binary frame is refused too');
    for (const frame of errors)
      assert.equal(frame.type === 'error' && frame.error.id, 'validation_failed');
    await client.close();
  });

  it('drops frames beyond 32 waiting at once with rate_limited, and stays open', async () => {
    const [ann] = await people(t(), 1);
    const client = await connectReady(url, ann!);
    // Corked, the 100 frames leave in one write and reach the server in one read.
    const tcp = (client.socket as unknown as { _socket: Socket })._socket;
    tcp.cork();
    for (let i = 0; i < 100; i++) client.send({ type: 'ping', id: `burst-${i}` });
    tcp.uncork();
    const answered = () => client.frames.filter((f) => f.type === 'pong' || f.type === 'error');
    await client.waitFor(() => answered().length === 100);
    const limited = client.frames.filter(
      (f) => f.type === 'error' && f.error.id === 'rate_limited',
    );
    assert.ok(limited.length > 0, 'some frames were dropped');
    assert.ok(limited.length <= 100 - 32, 'never the first 32');
    client.send({ type: 'ping', id: 'after' });
    await client.waitFor((f) => f.type === 'pong' && f.id === 'after');
    await client.close();
  });

  it('closes with 1009 on a frame over 16 KiB', async () => {
    const [ann] = await people(t(), 1);
    const client = await connectReady(url, ann!);
    client.send(JSON.stringify({ type: 'ping', id: 'x'.repeat(17 * 1024) }));
    assert.equal((await client.closed).code, 1009);
  });
});
