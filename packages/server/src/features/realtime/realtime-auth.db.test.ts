import { CloseCode } from '@carillon/protocol/realtime';
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { bearer, registerUser, signInOn } from '../../../test/factories';
import { describeEachDialect, describeEachDialectAndBus, useTestApp } from '../../../test/harness';
import { listenOnLoopback, RealtimeClient, refusedUpgrade } from '../../../test/realtime-client';

describeEachDialect('real-time connection: who may open it', (dialect) => {
  // A short heartbeat, so an ended session is noticed quickly.
  const t = useTestApp(dialect, { env: { WS_HEARTBEAT_MS: '100' } });
  let url: string;
  before(async () => {
    url = await listenOnLoopback(t());
  });

  it('refuses an upgrade without a credential with 401 and the standard error body', async () => {
    const refused = await refusedUpgrade(url, {});
    assert.equal(refused.status, 401);
    assert.equal(refused.body.error.id, 'unauthenticated');
  });

  it('refuses an unknown bearer token with 401', async () => {
    const refused = await refusedUpgrade(url, bearer('not-a-real-token'));
    assert.equal(refused.status, 401);
    assert.equal(refused.body.error.id, 'unauthenticated');
  });

  it('refuses a malformed `after` with 400', async () => {
    const user = await registerUser(t());
    const refused = await refusedUpgrade(`${url}?after=-3`, bearer(user.token));
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.id, 'validation_failed');
  });

  it('refuses a cookie upgrade from another site with 403 (cross-site WebSocket hijacking)', async () => {
    const user = await registerUser(t());
    const cookie = `carillon_session=${user.token}`;
    for (const origin of [undefined, 'https://evil.example']) {
      const refused = await refusedUpgrade(url, { cookie, ...(origin ? { origin } : {}) });
      assert.equal(refused.status, 403, `origin ${origin}`);
      assert.equal(refused.body.error.id, 'forbidden');
    }
  });

  it('accepts a cookie upgrade from its own origin, and a bearer one from anywhere', async () => {
    const user = await registerUser(t());
    const own = new URL(url.replace('ws:', 'http:')).origin;
    const viaCookie = await RealtimeClient.connect(url, {
      headers: { cookie: `carillon_session=${user.token}`, origin: own },
    });
    const viaBearer = await RealtimeClient.connect(url, {
      token: user.token,
      headers: { origin: 'https://app.example' },
    });
    for (const client of [viaCookie, viaBearer]) {
      await client.waitFor((f) => f.type === 'ready');
      await client.close();
    }
  });

  it('closes the socket with sessionEnded once its session is signed out', async () => {
    const user = await registerUser(t());
    const client = await RealtimeClient.connect(url, { token: user.token });
    await client.waitFor((f) => f.type === 'ready');
    const out = await t().request({
      method: 'POST',
      url: '/api/auth/logout',
      headers: bearer(user.token),
    });
    assert.equal(out.statusCode, 204, out.body);
    assert.equal((await client.closed).code, CloseCode.sessionEnded);
  });

  it('closes only the sockets of a session ended from another device', async () => {
    const user = await registerUser(t());
    const phoneGrant = await signInOn(t(), user);
    const onLaptop = await RealtimeClient.connect(url, { token: user.token });
    const onPhone = await RealtimeClient.connect(url, { token: phoneGrant.token });
    await onPhone.waitFor((f) => f.type === 'ready');
    const ended = await t().request({
      method: 'DELETE',
      url: `/api/sessions/${phoneGrant.sessionId}`,
      headers: bearer(user.token),
    });
    assert.equal(ended.statusCode, 204, ended.body);
    assert.equal((await onPhone.closed).code, CloseCode.sessionEnded);
    onLaptop.send({ type: 'ping', id: 'still-here' });
    await onLaptop.waitFor((f) => f.type === 'pong' && f.id === 'still-here');
    await onLaptop.close();
  });

  it('closes every socket of an account that is frozen', async () => {
    const user = await registerUser(t());
    const devices = [
      await RealtimeClient.connect(url, { token: user.token }),
      await RealtimeClient.connect(url, { token: user.token }),
    ];
    await Promise.all(devices.map((d) => d.waitFor((f) => f.type === 'ready')));
    const frozen = await t().request({
      method: 'POST',
      url: '/api/account/freeze',
      headers: bearer(user.token),
      payload: { password: user.password },
    });
    assert.equal(frozen.statusCode, 204, frozen.body);
    for (const device of devices) assert.equal((await device.closed).code, CloseCode.sessionEnded);
  });
});

describeEachDialectAndBus(
  'real-time connection: ending every session closes sockets at once',
  (dialect, bus) => {
    // Far longer than the test waits: only the `sessions.ended` bus event can close the sockets in time.
    const t = useTestApp(dialect, { env: { ...bus, WS_HEARTBEAT_MS: '60000' } });
    let url: string;
    before(async () => {
      url = await listenOnLoopback(t());
    });

    it('closes a frozen account’s sockets without waiting for the heartbeat', async () => {
      const user = await registerUser(t());
      const bystander = await registerUser(t());
      const device = await RealtimeClient.connect(url, { token: user.token });
      const other = await RealtimeClient.connect(url, { token: bystander.token });
      await Promise.all([device, other].map((d) => d.waitFor((f) => f.type === 'ready')));
      const frozen = await t().request({
        method: 'POST',
        url: '/api/account/freeze',
        headers: bearer(user.token),
        payload: { password: user.password },
      });
      assert.equal(frozen.statusCode, 204, frozen.body);
      const closed = await Promise.race([
        device.closed,
        new Promise<undefined>((resolve) => setTimeout(resolve, 3_000, undefined)),
      ]);
      assert.equal(closed?.code, CloseCode.sessionEnded);
      other.send({ type: 'ping', id: 'still-here' });
      await other.waitFor((f) => f.type === 'pong' && f.id === 'still-here');
      await other.close();
    });
  },
);
