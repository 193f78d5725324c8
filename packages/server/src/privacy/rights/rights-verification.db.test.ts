import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { bearer, errorId, latestCode, registerUser } from '../../../test/factories';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { getRequest, operatorEnv, operatorToken, submit, verify } from './rights.fixtures';

const wrongPassword = 'definitely not my password';

// Identity re-verification, state transitions, duplicates and the error answers.
describeEachDialect('data-rights requests: verification, states and guards', (dialect) => {
  const t = useTestApp(dialect, { env: operatorEnv });

  const profile = async (token: string) =>
    (await t().request({ method: 'GET', url: '/api/profile', headers: bearer(token) })).json();

  it('does nothing on a wrong password or a wrong code; the right pair then works', async () => {
    const user = await registerUser(t());
    const { request, code } = await submit(t(), user, {
      kind: 'correct',
      profile: { workRegion: 'Penang' },
    });
    const badPassword = await verify(t(), user, request.id, code, wrongPassword);
    assert.equal(badPassword.statusCode, 401);
    assert.equal(errorId(badPassword), 'invalid_credentials');
    const wrongCode = code === '000000' ? '000001' : '000000';
    const badCode = await verify(t(), user, request.id, wrongCode);
    assert.equal(badCode.statusCode, 400);
    assert.equal(errorId(badCode), 'code_invalid');
    assert.equal((await getRequest(t(), user, request.id)).status, 'submitted');
    assert.equal((await profile(user.token)).workRegion, null, 'nothing was applied');

    // The wrong password did not spend the code; one wrong guess is allowed for.
    const good = await verify(t(), user, request.id, code);
    assert.equal(good.statusCode, 200, good.body);
    assert.equal(good.json().status, 'fulfilled');
    assert.equal((await profile(user.token)).workRegion, 'Penang');
  });

  it('refuses to verify twice, and a used code never verifies another request', async () => {
    const user = await registerUser(t());
    const first = await submit(t(), user, { kind: 'access' });
    assert.equal((await verify(t(), user, first.request.id, first.code)).statusCode, 200);
    const again = await verify(t(), user, first.request.id, first.code);
    assert.equal(again.statusCode, 409);
    assert.equal(errorId(again), 'conflict');

    const second = await submit(t(), user, { kind: 'copy' });
    const reused = await verify(t(), user, second.request.id, first.code);
    assert.equal(reused.statusCode, 400);
    assert.equal((await getRequest(t(), user, second.request.id)).status, 'submitted');
  });

  it('resends a code for a submitted request only', async () => {
    const user = await registerUser(t());
    const { request, code } = await submit(t(), user, { kind: 'access' });
    const url = `/api/privacy/requests/${request.id}/code`;
    const resent = await t().request({ method: 'POST', url, headers: bearer(user.token) });
    assert.equal(resent.statusCode, 202, resent.body);
    assert.match(resent.json().sentTo, /••••/);
    t().clock.advance(61_000);
    assert.equal((await verify(t(), user, request.id, code)).statusCode, 400, 'superseded');
    const { code: fresh } = await submit(t(), user, { kind: 'copy' });
    assert.equal((await verify(t(), user, request.id, fresh)).statusCode, 200);
    const late = await t().request({ method: 'POST', url, headers: bearer(user.token) });
    assert.equal(late.statusCode, 409);
  });

  it('answers 409 when a request of the same kind is already being fulfilled', async () => {
    const user = await registerUser(t());
    const a = await submit(t(), user, { kind: 'complaint', text: 'First complaint.' });
    const b = await submit(t(), user, { kind: 'complaint', text: 'Second complaint.' });
    assert.equal((await verify(t(), user, a.request.id, b.code)).statusCode, 200);
    t().clock.advance(3_600_000);
    const create = await t().request({
      method: 'POST',
      url: '/api/privacy/requests',
      headers: bearer(user.token),
      payload: { kind: 'complaint', text: 'Third complaint.' },
    });
    assert.equal(create.statusCode, 409);
    assert.equal(errorId(create), 'conflict');
    const resent = await t().request({
      method: 'POST',
      url: `/api/privacy/requests/${b.request.id}/code`,
      headers: bearer(user.token),
    });
    assert.equal(resent.statusCode, 202);
    const second = await verify(t(), user, b.request.id, await latestCode(t(), user.phone));
    assert.equal(second.statusCode, 409);
    assert.equal((await getRequest(t(), user, b.request.id)).status, 'submitted');

    // Once the first is answered, the second may start.
    const fulfil = await t().request({
      method: 'POST',
      url: `/api/operator/rights-requests/${a.request.id}/fulfil`,
      headers: bearer(await operatorToken(t())),
      payload: { note: 'We answered by e-mail.' },
    });
    assert.equal(fulfil.statusCode, 200, fulfil.body);
    t().clock.advance(61_000);
    await t().request({
      method: 'POST',
      url: `/api/privacy/requests/${b.request.id}/code`,
      headers: bearer(user.token),
    });
    const third = await verify(t(), user, b.request.id, await latestCode(t(), user.phone));
    assert.equal(third.statusCode, 200, third.body);
  });

  it('answers 401 without a session on every user endpoint', async () => {
    const id = randomUUID();
    for (const [method, url] of [
      ['POST', '/api/privacy/requests'],
      ['GET', '/api/privacy/requests'],
      ['GET', `/api/privacy/requests/${id}`],
      ['POST', `/api/privacy/requests/${id}/code`],
      ['POST', `/api/privacy/requests/${id}/verify`],
      ['GET', `/api/privacy/requests/${id}/report`],
      ['GET', `/api/privacy/requests/${id}/export`],
    ] as const) {
      const response = await t().request({
        method,
        url,
        payload: method === 'POST' ? {} : undefined,
      });
      assert.equal(response.statusCode, 401, `${method} ${url}`);
    }
  });

  it('answers 404 for another person’s request on every endpoint', async () => {
    const owner = await registerUser(t());
    const stranger = await registerUser(t());
    const { request, code } = await submit(t(), owner, { kind: 'copy' });
    const base = `/api/privacy/requests/${request.id}`;
    for (const [method, url, payload] of [
      ['GET', base, undefined],
      ['POST', `${base}/code`, undefined],
      ['POST', `${base}/verify`, { password: stranger.password, code }],
      ['GET', `${base}/report`, undefined],
      ['GET', `${base}/export`, undefined],
    ] as const) {
      const response = await t().request({ method, url, payload, headers: bearer(stranger.token) });
      assert.equal(response.statusCode, 404, `${method} ${url}`);
    }
    assert.equal((await getRequest(t(), owner, request.id)).status, 'submitted');
  });

  it('answers 400 for malformed bodies and ids, 403 for a cookie without CSRF', async () => {
    const user = await registerUser(t());
    for (const payload of [
      {},
      { kind: 'teleport' },
      { kind: 'access', extra: true },
      { kind: 'correct' },
      { kind: 'correct', profile: {} },
      { kind: 'delete' },
      { kind: 'restrict', category: 'Not A Key' },
      { kind: 'complaint', text: '   ' },
    ]) {
      const response = await t().request({
        method: 'POST',
        url: '/api/privacy/requests',
        headers: bearer(user.token),
        payload,
      });
      assert.equal(response.statusCode, 400, JSON.stringify(payload));
      assert.equal(errorId(response), 'validation_failed');
    }
    const { request } = await submit(t(), user, { kind: 'access' });
    const badVerify = await verify(t(), user, request.id, 'abc');
    assert.equal(badVerify.statusCode, 400);
    const badId = await t().request({
      method: 'GET',
      url: '/api/privacy/requests/not-an-id',
      headers: bearer(user.token),
    });
    assert.equal(badId.statusCode, 400);
    const noCsrf = await t().request({
      method: 'POST',
      url: '/api/privacy/requests',
      headers: { cookie: `carillon_session=${user.token}` },
      payload: { kind: 'access' },
    });
    assert.equal(noCsrf.statusCode, 403);
  });

  it('keeps the report and the export to their own kinds', async () => {
    const user = await registerUser(t());
    const { request, code } = await submit(t(), user, { kind: 'access' });
    await verify(t(), user, request.id, code);
    const wrongKind = await t().request({
      method: 'GET',
      url: `/api/privacy/requests/${request.id}/export`,
      headers: bearer(user.token),
    });
    assert.equal(wrongKind.statusCode, 404);
  });
});
