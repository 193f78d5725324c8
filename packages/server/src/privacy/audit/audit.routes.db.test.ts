import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { AccessLogEntry } from '@carillon/protocol/audit';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { bearer, errorId, registerUser, requestCode, signInOn } from '../../../test/factories';

const operator = { username: 'ops', password: 'lantern harbour morning tide' };
const purpose = 'relay a sign-up code the user did not receive';

describeEachDialect('who accessed my data: the access log', (dialect) => {
  const t = useTestApp(dialect, {
    env: { OPERATOR_USERNAME: operator.username, OPERATOR_PASSWORD: operator.password },
  });

  async function operatorLogin(): Promise<{ token: string; operatorId: string }> {
    const response = await t().request({
      method: 'POST',
      url: '/api/operator/login',
      payload: operator,
    });
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  }

  const readOutbox = (token: string, query: string) =>
    t().request({ method: 'GET', url: `/api/operator/outbox?${query}`, headers: bearer(token) });

  async function accessLog(token: string, query = ''): Promise<AccessLogEntry[]> {
    const response = await t().request({
      method: 'GET',
      url: `/api/privacy/access-log${query}`,
      headers: bearer(token),
    });
    assert.equal(response.statusCode, 200, response.body);
    return response.json().entries;
  }

  const entryCount = async () =>
    Number(
      (
        await t()
          .db.db.selectFrom('audit_entries')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("shows an operator's outbox read to the person whose number it held, and to nobody else", async () => {
    const alice = await registerUser(t());
    const bob = await registerUser(t());
    await requestCode(t(), { phone: alice.phone }, 'reset_password');
    const { token, operatorId } = await operatorLogin();
    const read = await readOutbox(token, `limit=1&purpose=${encodeURIComponent(purpose)}`);
    assert.equal(read.statusCode, 200, read.body);
    assert.equal(read.json().entries[0].destination, alice.phone);

    const response = await t().request({
      method: 'GET',
      url: '/api/privacy/access-log',
      headers: bearer(alice.token),
    });
    const [newest] = response.json().entries as AccessLogEntry[];
    assert.deepEqual(
      { ...newest, seq: undefined, at: undefined },
      {
        seq: undefined,
        at: undefined,
        actorKind: 'operator',
        byYou: false,
        action: 'outbox.read',
        purpose,
        detail: { messages: 1, read: newest!.detail.read },
      },
    );
    assert.equal(newest!.at, t().clock.now());
    assert.ok(!response.body.includes(operatorId), 'the operator is never identified');
    assert.ok(!response.body.includes(operator.username));
    assert.ok((await accessLog(bob.token)).every((e) => e.action !== 'outbox.read'));
  });

  it('records nothing and answers 400 when the purpose is missing, too short or too long', async () => {
    const { token } = await operatorLogin();
    const before = await entryCount();
    for (const query of ['limit=5', 'limit=5&purpose=ok', `purpose=${'x'.repeat(201)}`]) {
      const response = await readOutbox(token, query);
      assert.equal(response.statusCode, 400, query);
      assert.equal(errorId(response), 'validation_failed');
    }
    assert.equal(await entryCount(), before);
  });

  it("shows the owner's own account events as done by them", async () => {
    const user = await registerUser(t());
    const newPassword = 'purple elephants dance at noon';
    const changed = await t().request({
      method: 'POST',
      url: '/api/account/password',
      headers: bearer(user.token),
      payload: { currentPassword: user.password, newPassword },
    });
    assert.equal(changed.statusCode, 204);
    const frozen = await t().request({
      method: 'POST',
      url: '/api/account/freeze',
      headers: bearer(user.token),
      payload: { password: newPassword },
    });
    assert.equal(frozen.statusCode, 204);
    const code = await requestCode(t(), { phone: user.phone }, 'unfreeze');
    const unfrozen = await t().request({
      method: 'POST',
      url: '/api/auth/unfreeze',
      payload: { phone: user.phone, password: newPassword, code },
    });
    assert.equal(unfrozen.statusCode, 204);
    const login = await signInOn(t(), { phone: user.phone, password: newPassword });
    // Other features record their own events (a policy accepted at sign-up, say).
    const accountEvents = new Set(['account.unfrozen', 'account.frozen', 'password.changed']);
    const entries = (await accessLog(login.token)).filter((e) => accountEvents.has(e.action));
    assert.deepEqual(
      entries.map((e) => [e.action, e.actorKind, e.byYou, e.purpose, e.detail]),
      [
        ['account.unfrozen', 'user', true, null, {}],
        ['account.frozen', 'user', true, null, {}],
        ['password.changed', 'user', true, null, { how: 'change' }],
      ],
    );
  });

  it('pages newest first with before and limit', async () => {
    const user = await registerUser(t());
    await requestCode(t(), { phone: user.phone }, 'reset_password');
    const { token } = await operatorLogin();
    for (let i = 0; i < 5; i++) await readOutbox(token, `limit=1&purpose=${purpose}`);
    const first = await t().request({
      method: 'GET',
      url: '/api/privacy/access-log?limit=2',
      headers: bearer(user.token),
    });
    const page1 = first.json();
    assert.equal(page1.entries.length, 2);
    const seen: number[] = page1.entries.map((e: AccessLogEntry) => e.seq);
    let before = page1.nextBefore as number | null;
    while (before !== null) {
      const page = (
        await t().request({
          method: 'GET',
          url: `/api/privacy/access-log?limit=2&before=${before}`,
          headers: bearer(user.token),
        })
      ).json();
      seen.push(...page.entries.map((e: AccessLogEntry) => e.seq));
      before = page.nextBefore;
    }
    const all = await accessLog(user.token, '?limit=200');
    assert.equal(all.filter((e) => e.action === 'outbox.read').length, 5);
    assert.deepEqual(
      seen,
      all.map((e) => e.seq),
    );
    assert.deepEqual(
      seen,
      [...seen].sort((a, b) => b - a),
    );
  });

  it('lets an operator verify the whole log', async () => {
    const { token } = await operatorLogin();
    const response = await t().request({
      method: 'GET',
      url: '/api/operator/audit/verify',
      headers: bearer(token),
    });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), {
      ok: true,
      entries: await entryCount(),
      checkpoints: 0,
      problems: [],
    });
  });

  it('answers 401 without a credential and to the wrong kind of token', async () => {
    const user = await registerUser(t());
    const { token } = await operatorLogin();
    for (const [url, headers] of [
      ['/api/privacy/access-log', {}],
      ['/api/privacy/access-log', bearer(token)],
      ['/api/operator/audit/verify', {}],
      ['/api/operator/audit/verify', bearer(user.token)],
    ] as const) {
      const response = await t().request({ method: 'GET', url, headers });
      assert.equal(response.statusCode, 401, url);
      assert.equal(errorId(response), 'unauthenticated');
    }
  });

  it('answers 400 for a bad page, 404 for an unknown path and 405 for a wrong method', async () => {
    const user = await registerUser(t());
    for (const query of ['limit=0', 'limit=201', 'before=abc', 'before=0']) {
      const response = await t().request({
        method: 'GET',
        url: `/api/privacy/access-log?${query}`,
        headers: bearer(user.token),
      });
      assert.equal(response.statusCode, 400, query);
      assert.equal(errorId(response), 'validation_failed');
    }
    const unknown = await t().request({
      method: 'GET',
      url: '/api/privacy/access-logs',
      headers: bearer(user.token),
    });
    assert.equal(unknown.statusCode, 404);
    assert.equal(errorId(unknown), 'not_found');
    const wrong = await t().request({
      method: 'DELETE',
      url: '/api/privacy/access-log',
      headers: bearer(user.token),
    });
    assert.equal(wrong.statusCode, 405);
  });
});
