import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import {
  bearer,
  device,
  errorId,
  newPhone,
  registerUser,
  requestCode,
} from '../../../test/factories';

const newPassword = 'purple elephants dance at noon';

describeEachDialect('account security: passwords, freezing, notices', (dialect) => {
  const t = useTestApp(dialect);

  const login = (phone: string, password: string) =>
    t().request({ method: 'POST', url: '/api/auth/login', payload: { phone, password, device } });
  const account = (token: string) =>
    t().request({ method: 'GET', url: '/api/account', headers: bearer(token) });

  it('changes the password, ending every other session but this one', async () => {
    const user = await registerUser(t());
    const other = (await login(user.phone, user.password)).json();
    const response = await t().request({
      method: 'POST',
      url: '/api/account/password',
      headers: bearer(user.token),
      payload: { currentPassword: user.password, newPassword },
    });
    assert.equal(response.statusCode, 204);
    assert.equal((await account(user.token)).statusCode, 200);
    assert.equal((await account(other.token)).statusCode, 401);
    assert.equal((await login(user.phone, user.password)).statusCode, 401);
    assert.equal((await login(user.phone, newPassword)).statusCode, 200);
  });

  it('refuses a password change with a wrong current password or a weak new one', async () => {
    const user = await registerUser(t());
    const wrong = await t().request({
      method: 'POST',
      url: '/api/account/password',
      headers: bearer(user.token),
      payload: { currentPassword: 'not my password at all', newPassword },
    });
    assert.equal(wrong.statusCode, 401);
    assert.equal(errorId(wrong), 'invalid_credentials');
    const weak = await t().request({
      method: 'POST',
      url: '/api/account/password',
      headers: bearer(user.token),
      payload: { currentPassword: user.password, newPassword: 'password1234' },
    });
    assert.equal(weak.statusCode, 400);
    assert.equal(errorId(weak), 'weak_password');
    assert.equal((await login(user.phone, user.password)).statusCode, 200);
  });

  it('resets a forgotten password with a code and ends every session', async () => {
    const user = await registerUser(t());
    const code = await requestCode(t(), { phone: user.phone }, 'reset_password');
    const response = await t().request({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { phone: user.phone, code, newPassword },
    });
    assert.equal(response.statusCode, 204);
    assert.equal((await account(user.token)).statusCode, 401);
    assert.equal((await login(user.phone, newPassword)).statusCode, 200);
  });

  it('does not reveal whether a number has an account when asked for a reset code', async () => {
    const stranger = newPhone();
    const response = await t().request({
      method: 'POST',
      url: '/api/auth/codes',
      payload: { purpose: 'reset_password', phone: stranger },
    });
    assert.equal(response.statusCode, 202);
    const sent = await t()
      .db.db.selectFrom('outbox')
      .select('id')
      .where('destination', '=', stranger)
      .execute();
    assert.equal(sent.length, 0, 'nothing is sent to a number without an account');
  });

  it('freezes: sessions end, sign-in is refused, unfreezing needs password and code', async () => {
    const user = await registerUser(t());
    const wrong = await t().request({
      method: 'POST',
      url: '/api/account/freeze',
      headers: bearer(user.token),
      payload: { password: 'not my password at all' },
    });
    assert.equal(wrong.statusCode, 401);
    assert.equal((await account(user.token)).statusCode, 200, 'a refused freeze changes nothing');

    const frozen = await t().request({
      method: 'POST',
      url: '/api/account/freeze',
      headers: bearer(user.token),
      payload: { password: user.password },
    });
    assert.equal(frozen.statusCode, 204);
    assert.equal((await account(user.token)).statusCode, 401);
    const refused = await login(user.phone, user.password);
    assert.equal(refused.statusCode, 403);
    assert.equal(errorId(refused), 'account_frozen');

    const code = await requestCode(t(), { phone: user.phone }, 'unfreeze');
    const badPassword = await t().request({
      method: 'POST',
      url: '/api/auth/unfreeze',
      payload: { phone: user.phone, password: 'not my password at all', code },
    });
    assert.equal(badPassword.statusCode, 401);
    const unfrozen = await t().request({
      method: 'POST',
      url: '/api/auth/unfreeze',
      payload: { phone: user.phone, password: user.password, code },
    });
    assert.equal(unfrozen.statusCode, 204);
    const back = await login(user.phone, user.password);
    assert.equal(back.statusCode, 200);

    const notices = await t().request({
      method: 'GET',
      url: '/api/account/security-notices',
      headers: bearer(back.json().token),
    });
    const kinds = notices.json().notices.map((n: { kind: string }) => n.kind);
    assert.deepEqual(kinds.slice(0, 3), ['new_device', 'account_unfrozen', 'account_frozen']);
  });

  it('answers 401 on account routes without a session and 400 on bad bodies', async () => {
    for (const [method, url] of [
      ['GET', '/api/account'],
      ['GET', '/api/account/security-notices'],
      ['POST', '/api/account/password'],
      ['POST', '/api/account/freeze'],
    ] as const) {
      const response = await t().request({
        method,
        url,
        payload: method === 'POST' ? {} : undefined,
      });
      assert.equal(response.statusCode, 401, `${method} ${url}`);
    }
    const user = await registerUser(t());
    const bad = await t().request({
      method: 'POST',
      url: '/api/account/freeze',
      headers: bearer(user.token),
      payload: { password: 12 },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(errorId(bad), 'validation_failed');
    const resetBad = await t().request({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { phone: user.phone, code: '12ab56', newPassword },
    });
    assert.equal(resetBad.statusCode, 400);
    assert.equal(errorId(resetBad), 'validation_failed');
  });
});

describeEachDialect('sign-in rate limit', (dialect) => {
  const t = useTestApp(dialect, { env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });

  it('answers 429 once an address exceeds the sign-in limit', async () => {
    const payload = { phone: newPhone(), password: 'whatever it may be', device };
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (await t().request({ method: 'POST', url: '/api/auth/login', payload })).statusCode,
      );
    assert.deepEqual(statuses, [401, 401, 401, 429]);
    const limited = await t().request({ method: 'POST', url: '/api/auth/login', payload });
    assert.equal(errorId(limited), 'rate_limited');
  });
});
