import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { errorId, registerUser } from '../../../test/factories';

interface Operation {
  security?: unknown[];
  'x-audited-read'?: boolean;
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, unknown>;
}

/** Every operation of the live OpenAPI document, with a concrete URL. */
async function operations(request: ReturnType<ReturnType<typeof useTestApp>>['request']) {
  const doc = (await request({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, Operation>>;
  };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
      url: path.replace(/\{\w+\}/g, randomUUID()),
      op,
    })),
  );
}

/** Whether an operation is for signed-in operators (its security scheme says so). */
const isOperatorRoute = (op: Operation) =>
  (op.security ?? []).some((s) => Object.keys(s as object).includes('operatorBearer'));

// These tests walk the generated API description, so a new route is covered
// the day it is added.
describeEachDialect('guards on every route', (dialect) => {
  const operator = { username: 'guard', password: 'lantern harbour morning tide' };
  const t = useTestApp(dialect, {
    env: {
      AUTH_RATE_LIMIT_PER_MINUTE: '2',
      FILE_UPLOAD_RATE_LIMIT_PER_MINUTE: '2',
      OPERATOR_USERNAME: operator.username,
      OPERATOR_PASSWORD: operator.password,
    },
  });

  it('answers 401 on every signed-in route without a credential', async () => {
    const guarded = (await operations(t().request)).filter((o) => o.op.security);
    assert.ok(guarded.length >= 12);
    for (const { method, url } of guarded) {
      const response = await t().request({ method, url });
      assert.equal(response.statusCode, 401, `${method} ${url}`);
      assert.ok(['unauthenticated'].includes(errorId(response)));
    }
  });

  it('answers 403 on every unsafe user route called with the cookie but no CSRF token', async () => {
    const user = await registerUser(t());
    const cookie = `carillon_session=${user.token}`;
    const unsafe = (await operations(t().request)).filter(
      (o) => o.op.security && o.method !== 'GET' && !o.url.startsWith('/api/operator'),
    );
    assert.ok(unsafe.length >= 8);
    for (const { method, url } of unsafe) {
      const response = await t().request({ method, url, headers: { cookie } });
      assert.equal(response.statusCode, 403, `${method} ${url}`);
      assert.equal(errorId(response), 'csrf_failed');
    }
  });

  it('answers 400 with the error shape on every JSON route given malformed JSON', async () => {
    const user = await registerUser(t());
    const login = await t().request({
      method: 'POST',
      url: '/api/operator/login',
      payload: operator,
      remoteAddress: '198.51.100.1',
    });
    const operatorToken: string = login.json().token;
    const withJson = (await operations(t().request)).filter(
      (o) => o.op.requestBody?.content['application/json'],
    );
    assert.ok(withJson.length >= 8);
    for (const [index, { method, url, op }] of withJson.entries()) {
      const response = await t().request({
        method,
        url,
        payload: '{"broken":',
        headers: {
          'content-type': 'application/json',
          // Operator routes take only operator tokens; a user token would answer 401 first.
          authorization: `Bearer ${isOperatorRoute(op) ? operatorToken : user.token}`,
        },
        // One address per route, so the low rate limit never answers first.
        remoteAddress: `192.0.2.${index + 1}`,
      });
      assert.equal(response.statusCode, 400, `${method} ${url}: ${response.body}`);
      assert.equal(errorId(response), 'malformed_body');
    }
  });

  it('answers 429 on every rate-limited route once the limit is spent', async () => {
    const limited = (await operations(t().request)).filter((o) => o.op.responses['429']);
    assert.ok(limited.length >= 7);
    for (const [index, { method, url }] of limited.entries()) {
      const remoteAddress = `203.0.113.${index + 1}`;
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++)
        statuses.push((await t().request({ method, url, payload: {}, remoteAddress })).statusCode);
      assert.equal(statuses[2], 429, `${method} ${url}: ${statuses.join(', ')}`);
    }
  });
});

// Its own server: the suite above keeps the sign-up rate limit at two a minute.
describeEachDialect('CSRF on audited reads', (dialect) => {
  const operator = { username: 'auditor', password: 'lantern harbour evening tide' };
  const t = useTestApp(dialect, {
    env: { OPERATOR_USERNAME: operator.username, OPERATOR_PASSWORD: operator.password },
  });

  it('answers 403 on every audited read called with a session cookie but no CSRF token', async () => {
    const user = await registerUser(t());
    const login = await t().request({
      method: 'POST',
      url: '/api/operator/login',
      payload: operator,
      remoteAddress: '198.51.100.2',
    });
    const cookieOf = (op: Operation) =>
      isOperatorRoute(op)
        ? `carillon_operator=${login.json().token}`
        : `carillon_session=${user.token}`;
    const audited = (await operations(t().request)).filter((o) => o.op['x-audited-read']);
    // The outbox, the rights queue, an enterprise account's devices, a certification document.
    assert.ok(audited.length >= 4);
    for (const { method, url, op } of audited) {
      const response = await t().request({
        method,
        url: `${url}?purpose=${encodeURIComponent('a purpose another site chose')}`,
        headers: { cookie: cookieOf(op) },
      });
      assert.equal(method, 'GET');
      assert.equal(response.statusCode, 403, `${method} ${url}`);
      assert.equal(errorId(response), 'csrf_failed');
    }
  });
});
