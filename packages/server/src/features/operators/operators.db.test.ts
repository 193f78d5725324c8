import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { bearer, errorId, newPhone, registerUser } from '../../../test/factories';

const operator = { username: 'ops', password: 'lantern harbour morning tide' };

describeEachDialect('operators and the outbox', (dialect) => {
  const t = useTestApp(dialect, {
    env: { OPERATOR_USERNAME: operator.username, OPERATOR_PASSWORD: operator.password },
  });

  async function operatorToken(): Promise<string> {
    const response = await t().request({
      method: 'POST',
      url: '/api/operator/login',
      payload: operator,
    });
    assert.equal(response.statusCode, 200, response.body);
    return response.json().token;
  }

  it('creates the configured operator on first start and reads the outbox', async () => {
    const phone = newPhone();
    await t().request({
      method: 'POST',
      url: '/api/auth/codes',
      payload: { purpose: 'register', phone },
    });
    const token = await operatorToken();
    const outbox = await t().request({
      method: 'GET',
      url: '/api/operator/outbox?limit=5&purpose=relay%20a%20sign-up%20code',
      headers: bearer(token),
    });
    assert.equal(outbox.statusCode, 200);
    const [newest] = outbox.json().entries;
    assert.equal(newest.destination, phone);
    assert.equal(newest.channel, 'sms');
    assert.match(newest.body, /\b\d{6}\b/);
  });

  it('keeps operators and users apart: a user token is not an operator token', async () => {
    const user = await registerUser(t());
    const response = await t().request({
      method: 'GET',
      url: '/api/operator/outbox',
      headers: bearer(user.token),
    });
    assert.equal(response.statusCode, 401);
    const operatorAsUser = await t().request({
      method: 'GET',
      url: '/api/account',
      headers: bearer(await operatorToken()),
    });
    assert.equal(operatorAsUser.statusCode, 401);
  });

  it('answers 401 for wrong operator credentials and 400 for a bad limit', async () => {
    const wrong = await t().request({
      method: 'POST',
      url: '/api/operator/login',
      payload: { username: 'ops', password: 'not the password at all' },
    });
    assert.equal(wrong.statusCode, 401);
    assert.equal(errorId(wrong), 'invalid_credentials');
    const bad = await t().request({
      method: 'GET',
      url: '/api/operator/outbox?limit=0&purpose=relay%20a%20sign-up%20code',
      headers: bearer(await operatorToken()),
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(errorId(bad), 'validation_failed');
  });

  it('logs the operator out', async () => {
    const token = await operatorToken();
    const out = await t().request({
      method: 'POST',
      url: '/api/operator/logout',
      headers: bearer(token),
    });
    assert.equal(out.statusCode, 204);
    const after = await t().request({
      method: 'GET',
      url: '/api/operator/outbox',
      headers: bearer(token),
    });
    assert.equal(after.statusCode, 401);
  });
});

// The CLI opens the database from DATA_DIR like the server does; one dialect is enough here.
describe('the operator CLI [sqlite]', () => {
  const t = useTestApp('sqlite');

  it('creates an operator and prints the outbox', async () => {
    const cli = (args: string[], input = '') =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', path.join(import.meta.dirname, '../../cli.ts'), ...args],
        {
          env: {
            ...process.env,
            DATA_DIR: t().config.dataDir,
            DATABASE_URL: '',
            OPERATOR_PASSWORD: '',
          },
          input,
          encoding: 'utf8',
          timeout: 30_000,
        },
      );
    const created = cli(['operator:create', 'night-shift'], 'quiet river stones glisten\n');
    assert.equal(created.status, 0, created.stderr);
    assert.match(created.stdout, /Operator night-shift created/);
    const weak = cli(['operator:create', 'lazy'], 'password123\n');
    assert.equal(weak.status, 1);
    assert.match(weak.stderr, /commonly used|at least/);

    const login = await t().request({
      method: 'POST',
      url: '/api/operator/login',
      payload: { username: 'night-shift', password: 'quiet river stones glisten' },
    });
    assert.equal(login.statusCode, 200);

    const phone = newPhone();
    await t().request({
      method: 'POST',
      url: '/api/auth/codes',
      payload: { purpose: 'register', phone },
    });
    const unstated = cli(['outbox', '--limit', '3']);
    assert.equal(unstated.status, 1, 'reading the outbox needs a purpose');
    assert.match(unstated.stderr, /--purpose/);
    const printed = cli(['outbox', '--limit', '3', '--purpose', 'relay a sign-up code']);
    assert.equal(printed.status, 0, printed.stderr);
    assert.match(printed.stdout, new RegExp(`sms\\s+\\${phone}`));
    assert.match(printed.stdout, /code is \d{6}/);
  });
});
