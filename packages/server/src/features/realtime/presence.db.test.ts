import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { befriend } from '../../../test/contacts';
import { bearer, errorId, registerUser } from '../../../test/factories';
import { describeEachDialectAndBus, useTestApp } from '../../../test/harness';
import { listenOnLoopback } from '../../../test/realtime-client';
import { call, groupWith } from '../messaging/messaging.test-support';
import { connectReady, nthPresence, presenceOf } from './realtime.test-support';

describeEachDialectAndBus('presence', (dialect, bus) => {
  // A short heartbeat, so the sweep of a dead node's connections runs often.
  const t = useTestApp(dialect, { env: { ...bus, WS_HEARTBEAT_MS: '100' } });
  let url: string;
  before(async () => {
    url = await listenOnLoopback(t());
  });

  it('shows a conversation partner going online and offline with their last-seen time', async () => {
    const [ann, bob] = [await registerUser(t()), await registerUser(t())];
    await groupWith(t(), ann, [bob]);
    const watcher = await connectReady(url, ann);
    watcher.send({ type: 'presence.watch', userIds: [bob.userId] });
    const never = { type: 'presence', userId: bob.userId, online: false, lastSeenAt: null };
    assert.deepEqual(await nthPresence(watcher, bob.userId, 1), never);

    const device = await connectReady(url, bob);
    assert.deepEqual(await nthPresence(watcher, bob.userId, 2), { ...never, online: true });
    const secondDevice = await connectReady(url, bob);
    await secondDevice.close();
    // The clock stays put: moving it past the rows' expiry would be a dead node (below).
    const leftAt = t().clock.now();
    await device.close();
    // The second device closing changed nothing for watchers: the next frame is "offline".
    assert.deepEqual(await nthPresence(watcher, bob.userId, 3), { ...never, lastSeenAt: leftAt });
    await watcher.close();
  });

  it('hides the last-seen time of a person who asks, and shows it again', async () => {
    const [ann, bob] = [await registerUser(t()), await registerUser(t())];
    await befriend(t(), ann, bob);
    const watcher = await connectReady(url, ann);
    watcher.send({ type: 'presence.watch', userIds: [bob.userId] });
    await nthPresence(watcher, bob.userId, 1);
    await (await connectReady(url, bob)).close();
    const seen = await nthPresence(watcher, bob.userId, 3);
    assert.equal(typeof seen.lastSeenAt, 'number', 'contacts may be watched');

    const hidden = await call(t(), bob, 'PATCH', '/api/presence/settings', { hideLastSeen: true });
    assert.equal(hidden.statusCode, 200, hidden.body);
    assert.deepEqual(hidden.json(), { hideLastSeen: true });
    assert.deepEqual(await nthPresence(watcher, bob.userId, 4), { ...seen, lastSeenAt: null });
    const read = await call(t(), bob, 'GET', '/api/presence/settings');
    assert.deepEqual(read.json(), { hideLastSeen: true });

    await call(t(), bob, 'PATCH', '/api/presence/settings', { hideLastSeen: false });
    assert.deepEqual(await nthPresence(watcher, bob.userId, 5), seen);
    await watcher.close();
  });

  it('ignores people the watcher shares nothing with', async () => {
    const [ann, bob, stranger] = [
      await registerUser(t()),
      await registerUser(t()),
      await registerUser(t()),
    ];
    await groupWith(t(), ann, [bob]);
    const strangerDevice = await connectReady(url, stranger);
    const watcher = await connectReady(url, ann);
    watcher.send({ type: 'presence.watch', userIds: [stranger.userId, bob.userId] });
    await nthPresence(watcher, bob.userId, 1);
    assert.deepEqual(presenceOf(watcher, stranger.userId), []);
    await Promise.all([strangerDevice.close(), watcher.close()]);
  });

  it('takes people offline when their node stops refreshing its connections (node died)', async () => {
    const [ann, bob] = [await registerUser(t()), await registerUser(t())];
    await groupWith(t(), ann, [bob]);
    // Bob's connection on a node that then died: its row is never refreshed.
    await t()
      .db.db.insertInto('presence_connections')
      .values({
        id: crypto.randomUUID(),
        user_id: bob.userId,
        node_id: 'dead-node',
        expires_at: t().clock.now() + 1_000,
      })
      .execute();
    const watcher = await connectReady(url, ann);
    watcher.send({ type: 'presence.watch', userIds: [bob.userId] });
    assert.equal((await nthPresence(watcher, bob.userId, 1)).online, true);
    t().clock.advance(10 * 60_000);
    const gone = await nthPresence(watcher, bob.userId, 2);
    assert.equal(gone.online, false);
    assert.equal(typeof gone.lastSeenAt, 'number');
    await watcher.close();
  });

  it('validates and authenticates the settings endpoint', async () => {
    const ann = await registerUser(t());
    const anonymous = await t().request({ method: 'GET', url: '/api/presence/settings' });
    assert.equal(anonymous.statusCode, 401);
    for (const payload of [{}, { hideLastSeen: 'yes' }, { hideLastSeen: true, extra: 1 }]) {
      const bad = await t().request({
        method: 'PATCH',
        url: '/api/presence/settings',
        headers: bearer(ann.token),
        payload,
      });
      assert.equal(bad.statusCode, 400, JSON.stringify(payload));
      assert.equal(errorId(bad), 'validation_failed');
    }
    const fresh = await call(t(), ann, 'GET', '/api/presence/settings');
    assert.deepEqual(fresh.json(), { hideLastSeen: false });
  });
});
