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
  signUpTerms,
  strongPassword,
} from '../../../test/factories';

describeEachDialect('accounts: register and log in', (dialect) => {
  const t = useTestApp(dialect);

  it('registers with a phone number and code, then logs in on another device', async () => {
    const phone = newPhone();
    const code = await requestCode(t(), { phone });
    const registered = await t().request({
      method: 'POST',
      url: '/api/auth/register',
      payload: { phone, code, password: strongPassword, nickname: 'Mei', device, ...signUpTerms },
    });
    assert.equal(registered.statusCode, 201);
    const grant = registered.json();
    assert.match(String(registered.headers['set-cookie']), /carillon_session=.*HttpOnly/);

    const me = await t().request({
      method: 'GET',
      url: '/api/account',
      headers: bearer(grant.token),
    });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().phone, phone);

    const login = await t().request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { phone, password: strongPassword, device: { name: 'Phone', platform: 'ios' } },
    });
    assert.equal(login.statusCode, 200);
    assert.notEqual(login.json().deviceId, grant.deviceId);
    const notices = await t().request({
      method: 'GET',
      url: '/api/account/security-notices',
      headers: bearer(grant.token),
    });
    assert.deepEqual(
      notices.json().notices.map((n: { kind: string }) => n.kind),
      ['new_device'],
    );
  });

  it('normalizes a phone number typed with spaces and a national prefix', async () => {
    const digits = newPhone().slice(3);
    const code = await requestCode(t(), { phone: `+65 ${digits.slice(0, 4)} ${digits.slice(4)}` });
    const response = await t().request({
      method: 'POST',
      url: '/api/auth/register',
      payload: {
        phone: digits,
        code,
        password: strongPassword,
        nickname: 'Wei',
        device,
        ...signUpTerms,
      },
    });
    assert.equal(response.statusCode, 201);
    const me = await t().request({
      method: 'GET',
      url: '/api/account',
      headers: bearer(response.json().token),
    });
    assert.equal(me.json().phone, `+65${digits}`);
  });

  it('registers with an e-mail address in the international edition', async () => {
    const email = `mei.${Math.random().toString(36).slice(2)}@example.com`;
    const code = await requestCode(t(), { email });
    const response = await t().request({
      method: 'POST',
      url: '/api/auth/register',
      payload: {
        email: email.toUpperCase(),
        code,
        password: strongPassword,
        nickname: 'Mei',
        device,
        ...signUpTerms,
      },
    });
    assert.equal(response.statusCode, 201);
  });

  it('answers 409 for a second account on the same number, creating nothing', async () => {
    const { phone } = await registerUser(t());
    const code = await requestCode(t(), { phone });
    const response = await t().request({
      method: 'POST',
      url: '/api/auth/register',
      payload: { phone, code, password: strongPassword, nickname: 'Again', device, ...signUpTerms },
    });
    assert.equal(response.statusCode, 409);
    assert.equal(errorId(response), 'account_exists');
    const users = await t()
      .db.db.selectFrom('users')
      .select('id')
      .where('phone', '=', phone)
      .execute();
    assert.equal(users.length, 1);
  });

  it('rejects a wrong code, then locks the code after five wrong guesses', async () => {
    const phone = newPhone();
    const code = await requestCode(t(), { phone });
    const wrong = code === '000000' ? '111111' : '000000';
    const attempt = (c: string) =>
      t().request({
        method: 'POST',
        url: '/api/auth/register',
        payload: {
          phone,
          code: c,
          password: strongPassword,
          nickname: 'Mei',
          device,
          ...signUpTerms,
        },
      });
    for (let i = 0; i < 5; i++) {
      const response = await attempt(wrong);
      assert.equal(response.statusCode, 400);
      assert.equal(errorId(response), 'code_invalid');
    }
    const locked = await attempt(code);
    assert.equal(locked.statusCode, 429);
    assert.equal(errorId(locked), 'too_many_attempts');
    const users = await t()
      .db.db.selectFrom('users')
      .select('id')
      .where('phone', '=', phone)
      .execute();
    assert.equal(users.length, 0);
  });

  it('refuses an expired code and a used one', async () => {
    const phone = newPhone();
    const code = await requestCode(t(), { phone });
    t().clock.advance(10 * 60_000);
    const expired = await t().request({
      method: 'POST',
      url: '/api/auth/register',
      payload: { phone, code, password: strongPassword, nickname: 'Mei', device, ...signUpTerms },
    });
    assert.equal(errorId(expired), 'code_invalid');
  });

  it('refuses weak and common passwords without using up the code', async () => {
    const phone = newPhone();
    const code = await requestCode(t(), { phone });
    for (const password of ['short', 'password123', 'qwertyuiop', `x${phone.slice(1)}`]) {
      const response = await t().request({
        method: 'POST',
        url: '/api/auth/register',
        payload: { phone, code, password, nickname: 'Mei', device, ...signUpTerms },
      });
      assert.equal(response.statusCode, 400, password);
      assert.equal(errorId(response), 'weak_password');
    }
    const ok = await t().request({
      method: 'POST',
      url: '/api/auth/register',
      payload: { phone, code, password: strongPassword, nickname: 'Mei', device, ...signUpTerms },
    });
    assert.equal(ok.statusCode, 201);
  });

  it('answers 400 for malformed bodies, bad phone numbers and wrong types', async () => {
    const cases = [
      { payload: '{"phone":', contentType: 'application/json', id: 'malformed_body' },
      { payload: { phone: '+65 1', purpose: 'register' }, id: 'invalid_phone' },
      { payload: { phone: 'not a phone', purpose: 'register' }, id: 'invalid_phone' },
      { payload: { phone: 6591234567, purpose: 'register' }, id: 'validation_failed' },
      { payload: { purpose: 'register' }, id: 'validation_failed' },
      {
        payload: { phone: newPhone(), email: 'a@b.co', purpose: 'register' },
        id: 'validation_failed',
      },
      { payload: { phone: newPhone(), purpose: 'launch' }, id: 'validation_failed' },
    ];
    for (const c of cases) {
      const response = await t().request({
        method: 'POST',
        url: '/api/auth/codes',
        payload: c.payload as never,
        headers: c.contentType ? { 'content-type': c.contentType } : {},
      });
      assert.equal(response.statusCode, 400, JSON.stringify(c.payload));
      assert.equal(errorId(response), c.id);
    }
    const huge = await t().request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { phone: newPhone(), password: 'x'.repeat(100_000), device },
    });
    assert.equal(huge.statusCode, 413);
    assert.equal(errorId(huge), 'payload_too_large');
  });

  it('answers 401 for a wrong password and for an unknown account alike', async () => {
    const { phone } = await registerUser(t());
    for (const payload of [
      { phone, password: 'wrong horse battery staple', device },
      { phone: newPhone(), password: strongPassword, device },
    ]) {
      const response = await t().request({ method: 'POST', url: '/api/auth/login', payload });
      assert.equal(response.statusCode, 401);
      assert.equal(errorId(response), 'invalid_credentials');
    }
  });
});

describeEachDialect('accounts: one-time code limits', (dialect) => {
  const t = useTestApp(dialect);

  it('enforces the resend cool-down and the per-number hourly limit', async () => {
    const phone = newPhone();
    const ask = () =>
      t().request({
        method: 'POST',
        url: '/api/auth/codes',
        payload: { purpose: 'register', phone },
      });
    assert.equal((await ask()).statusCode, 202);
    const tooSoon = await ask();
    assert.equal(tooSoon.statusCode, 429);
    assert.equal(errorId(tooSoon), 'rate_limited');
    for (let i = 0; i < 4; i++) {
      t().clock.advance(61_000);
      assert.equal((await ask()).statusCode, 202);
    }
    t().clock.advance(61_000);
    assert.equal((await ask()).statusCode, 429);
    t().clock.advance(3_600_000);
    assert.equal((await ask()).statusCode, 202);
  });

  it('limits how many codes one address may request in an hour', async () => {
    t().clock.advance(2 * 3_600_000);
    const ask = () =>
      t().request({
        method: 'POST',
        url: '/api/auth/codes',
        payload: { purpose: 'register', phone: newPhone() },
        remoteAddress: '203.0.113.9',
      });
    for (let i = 0; i < 20; i++) assert.equal((await ask()).statusCode, 202);
    const refused = await ask();
    assert.equal(refused.statusCode, 429);
    assert.equal(errorId(refused), 'rate_limited');
  });
});

describeEachDialect('accounts: the cn edition', (dialect) => {
  const t = useTestApp(dialect, { env: { EDITION: 'cn' } });

  it('signs up by phone only and sends the code in Chinese', async () => {
    const refused = await t().request({
      method: 'POST',
      url: '/api/auth/codes',
      payload: { purpose: 'register', email: 'li@example.com' },
    });
    assert.equal(refused.statusCode, 400);
    assert.equal(errorId(refused), 'edition_disallows');

    const code = await requestCode(t(), { phone: '13812345678' });
    const sent = await t()
      .db.db.selectFrom('outbox')
      .select('body')
      .where('destination', '=', '+8613812345678')
      .executeTakeFirstOrThrow();
    assert.match(sent.body, /验证码/);
    assert.match(sent.body, new RegExp(code));
  });
});
