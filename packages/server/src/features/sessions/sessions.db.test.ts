import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { bearer, errorId, registerUser } from '../../../test/factories';
import { SESSION_IDLE_MS } from './sessions.service';

/** Extracts a cookie header value ("name=value; …") from set-cookie headers. */
function cookieHeader(setCookie: string | string[] | undefined): string {
  return [setCookie ?? []]
    .flat()
    .map((c) => c.split(';')[0])
    .join('; ');
}

describeEachDialect('sessions across devices', (dialect) => {
  const t = useTestApp(dialect);

  async function login(phone: string, password: string, device: object) {
    const response = await t().request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { phone, password, device },
    });
    assert.equal(response.statusCode, 200, response.body);
    return response;
  }

  it('lists each session with its device and marks the current one', async () => {
    const user = await registerUser(t());
    await login(user.phone, user.password, { name: 'Pixel', platform: 'android' });
    const list = await t().request({
      method: 'GET',
      url: '/api/sessions',
      headers: bearer(user.token),
    });
    assert.equal(list.statusCode, 200);
    const sessions = list.json().sessions as {
      id: string;
      current: boolean;
      device: { name: string; platform: string };
      ipRegion: string;
    }[];
    assert.equal(sessions.length, 2);
    assert.deepEqual(sessions.map((s) => s.device.platform).sort(), ['android', 'web']);
    assert.equal(sessions.find((s) => s.current)?.id, user.sessionId);
    assert.ok(sessions.every((s) => s.ipRegion === 'this computer'));
  });

  it('reuses a known device id instead of announcing a new device', async () => {
    const user = await registerUser(t());
    const again = await login(user.phone, user.password, {
      id: user.deviceId,
      name: 'Test laptop',
      platform: 'web',
    });
    assert.equal(again.json().deviceId, user.deviceId);
    const notices = await t().request({
      method: 'GET',
      url: '/api/account/security-notices',
      headers: bearer(user.token),
    });
    assert.deepEqual(notices.json().notices, []);
  });

  it('ends another session remotely; its token stops working at once', async () => {
    const user = await registerUser(t());
    const phone = (
      await login(user.phone, user.password, { name: 'Phone', platform: 'ios' })
    ).json();
    const ended = await t().request({
      method: 'DELETE',
      url: `/api/sessions/${phone.sessionId}`,
      headers: bearer(user.token),
    });
    assert.equal(ended.statusCode, 204);
    const refused = await t().request({
      method: 'GET',
      url: '/api/account',
      headers: bearer(phone.token),
    });
    assert.equal(refused.statusCode, 401);
    assert.equal(errorId(refused), 'unauthenticated');
  });

  it("cannot end someone else's session (404, and it keeps working)", async () => {
    const alice = await registerUser(t());
    const bob = await registerUser(t());
    const response = await t().request({
      method: 'DELETE',
      url: `/api/sessions/${bob.sessionId}`,
      headers: bearer(alice.token),
    });
    assert.equal(response.statusCode, 404);
    assert.equal(errorId(response), 'not_found');
    const still = await t().request({
      method: 'GET',
      url: '/api/account',
      headers: bearer(bob.token),
    });
    assert.equal(still.statusCode, 200);
  });

  it('ends all other sessions and keeps the current one', async () => {
    const user = await registerUser(t());
    const other = (
      await login(user.phone, user.password, { name: 'Tablet', platform: 'android' })
    ).json();
    await login(user.phone, user.password, { name: 'Desktop', platform: 'linux' });
    const response = await t().request({
      method: 'POST',
      url: '/api/sessions/end-others',
      headers: bearer(user.token),
    });
    assert.deepEqual(response.json(), { ended: 2 });
    assert.equal(
      (await t().request({ method: 'GET', url: '/api/account', headers: bearer(other.token) }))
        .statusCode,
      401,
    );
    assert.equal(
      (await t().request({ method: 'GET', url: '/api/account', headers: bearer(user.token) }))
        .statusCode,
      200,
    );
  });

  it('logs out: the token dies and the cookies are cleared', async () => {
    const user = await registerUser(t());
    const response = await t().request({
      method: 'POST',
      url: '/api/auth/logout',
      headers: bearer(user.token),
    });
    assert.equal(response.statusCode, 204);
    assert.match(String(response.headers['set-cookie']), /carillon_session=;/);
    const after = await t().request({
      method: 'GET',
      url: '/api/sessions',
      headers: bearer(user.token),
    });
    assert.equal(after.statusCode, 401);
  });

  it('expires a session left idle, and keeps a used one alive', async () => {
    const idle = await registerUser(t());
    const busy = await registerUser(t());
    for (let day = 0; day < 40; day += 10) {
      t().clock.advance(10 * 24 * 3_600_000);
      const ok = await t().request({
        method: 'GET',
        url: '/api/account',
        headers: bearer(busy.token),
      });
      assert.equal(ok.statusCode, 200, `busy session on day ${day + 10}`);
    }
    assert.ok(40 * 24 * 3_600_000 > SESSION_IDLE_MS);
    const expired = await t().request({
      method: 'GET',
      url: '/api/account',
      headers: bearer(idle.token),
    });
    assert.equal(expired.statusCode, 401);
  });

  it('answers 400 for a session id that is not a uuid and 404 for an unknown one', async () => {
    const user = await registerUser(t());
    const bad = await t().request({
      method: 'DELETE',
      url: '/api/sessions/42',
      headers: bearer(user.token),
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(errorId(bad), 'validation_failed');
    const unknown = await t().request({
      method: 'DELETE',
      url: `/api/sessions/${randomUUID()}`,
      headers: bearer(user.token),
    });
    assert.equal(unknown.statusCode, 404);
  });

  it('answers 401 on every session route without a credential or with a garbage one', async () => {
    for (const [method, url] of [
      ['GET', '/api/sessions'],
      ['DELETE', `/api/sessions/${randomUUID()}`],
      ['POST', '/api/sessions/end-others'],
      ['POST', '/api/auth/logout'],
    ] as const) {
      for (const headers of [{}, bearer('garbage')]) {
        const response = await t().request({ method, url, headers });
        assert.equal(response.statusCode, 401, `${method} ${url}`);
        assert.equal(errorId(response), 'unauthenticated');
      }
    }
  });
});

describeEachDialect('browser sessions: cookie and CSRF', (dialect) => {
  const t = useTestApp(dialect);

  it('authenticates by cookie; unsafe requests need the CSRF header (403 without)', async () => {
    const user = await registerUser(t());
    const login = await t().request({
      method: 'POST',
      url: '/api/auth/login',
      payload: {
        phone: user.phone,
        password: user.password,
        device: { name: 'Firefox', platform: 'web' },
      },
    });
    const cookie = cookieHeader(login.headers['set-cookie']);
    assert.match(cookie, /carillon_session=/);
    assert.match(cookie, /carillon_csrf=/);

    const read = await t().request({ method: 'GET', url: '/api/sessions', headers: { cookie } });
    assert.equal(read.statusCode, 200);

    const forged = await t().request({
      method: 'POST',
      url: '/api/sessions/end-others',
      headers: { cookie },
    });
    assert.equal(forged.statusCode, 403);
    assert.equal(errorId(forged), 'csrf_failed');
    const wrong = await t().request({
      method: 'POST',
      url: '/api/sessions/end-others',
      headers: { cookie, 'x-csrf-token': user.csrfToken },
    });
    assert.equal(wrong.statusCode, 403, "another session's CSRF token does not fit");
    // The forged requests ended nothing.
    assert.equal(
      (await t().request({ method: 'GET', url: '/api/account', headers: bearer(user.token) }))
        .statusCode,
      200,
    );

    const allowed = await t().request({
      method: 'POST',
      url: '/api/sessions/end-others',
      headers: { cookie, 'x-csrf-token': login.json().csrfToken },
    });
    assert.equal(allowed.statusCode, 200);
    assert.equal(allowed.json().ended, 1);
  });
});
