import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDialect, useTestApp } from '../../test/harness';
import {
  bearer,
  device,
  latestCode,
  newPhone,
  signUpTerms,
  strongPassword,
} from '../../test/factories';

describeEachDialect('logs keep secrets out', (dialect) => {
  const t = useTestApp(dialect, { env: { LOG_LEVEL: 'trace' } });

  it('never writes passwords, codes, tokens or full phone numbers', async () => {
    const phone = newPhone();
    await t().request({
      method: 'POST',
      url: '/api/auth/codes',
      payload: { purpose: 'register', phone },
    });
    const code = await latestCode(t(), phone);
    const registered = await t().request({
      method: 'POST',
      url: '/api/auth/register',
      payload: { phone, code, password: strongPassword, nickname: 'Mei', device, ...signUpTerms },
    });
    const { token, csrfToken } = registered.json();
    await t().request({ method: 'GET', url: '/api/account', headers: bearer(token) });
    await t().request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { phone, password: 'a wrong password here', device },
    });

    const written = t().logs.join('');
    assert.ok(t().logs.length > 6, 'requests were logged');
    for (const secret of [strongPassword, 'a wrong password here', code, token, csrfToken, phone])
      assert.ok(!written.includes(secret), `log contains ${secret.slice(0, 4)}…`);
    assert.ok(!written.includes(phone.slice(1)), 'no phone number without its plus sign either');
  });
});
