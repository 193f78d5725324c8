import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDialect, useTestApp, type TestApp } from '../../../test/harness';
import { bearer, errorId, registerUser } from '../../../test/factories';

type Grant = Awaited<ReturnType<typeof registerUser>>;

const set = (t: TestApp, user: Grant, purpose: string, granted: boolean, gpc = false) =>
  t.request({
    method: 'PUT',
    url: `/api/privacy/consents/${purpose}`,
    headers: { ...bearer(user.token), ...(gpc ? { 'sec-gpc': '1' } : {}) },
    payload: { granted },
  });

const states = async (t: TestApp, user: Grant) => {
  const list = await t.request({
    method: 'GET',
    url: '/api/privacy/consents',
    headers: bearer(user.token),
  });
  return Object.fromEntries(
    list.json().purposes.map((p: { purpose: string; granted: boolean }) => [p.purpose, p.granted]),
  );
};

describeEachDialect('Global Privacy Control', (dialect) => {
  const t = useTestApp(dialect);

  it('serves /.well-known/gpc.json', async () => {
    const response = await t().request({ method: 'GET', url: '/.well-known/gpc.json' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /application\/json/);
    const body = response.json();
    assert.deepEqual(Object.keys(body), ['gpc', 'lastUpdate']);
    assert.equal(body.gpc, true);
    assert.match(body.lastUpdate, /^\d{4}-\d{2}-\d{2}$/);
  });

  it('withdraws opt-out grants (personalization) on a signed-in Sec-GPC: 1 request, only those', async () => {
    const user = await registerUser(t());
    await set(t(), user, 'personalization', true);
    await set(t(), user, 'location', true);
    await t().request({ method: 'GET', url: '/api/account', headers: bearer(user.token) });
    assert.equal((await states(t(), user)).personalization, true, 'no signal, no change');

    const signalled = await t().request({
      method: 'GET',
      url: '/api/account',
      headers: { ...bearer(user.token), 'sec-gpc': '1' },
    });
    assert.equal(signalled.statusCode, 200);
    const after = await states(t(), user);
    assert.equal(after.personalization, false);
    assert.equal(after.location, true, 'consents that do not rest on opt-out stay');

    const history = await t().request({
      method: 'GET',
      url: '/api/privacy/consents/history',
      headers: bearer(user.token),
    });
    const [latest] = history.json().records;
    assert.deepEqual(
      [latest.purpose, latest.action, latest.method],
      ['personalization', 'withdrawn', 'gpc'],
    );

    const count = (await t().db.db.selectFrom('consent_records').selectAll().execute()).length;
    await t().request({
      method: 'GET',
      url: '/api/account',
      headers: { ...bearer(user.token), 'sec-gpc': '1' },
    });
    assert.equal(
      (await t().db.db.selectFrom('consent_records').selectAll().execute()).length,
      count,
    );
  });

  it('refuses to turn personalization on while the browser sends the signal', async () => {
    const user = await registerUser(t());
    const refused = await set(t(), user, 'personalization', true, true);
    assert.equal(refused.statusCode, 409);
    assert.equal(errorId(refused), 'conflict');
    assert.equal(refused.json().error.details.reason, 'gpc_signal');
    assert.equal((await set(t(), user, 'calendar', true, true)).statusCode, 200);
    assert.equal((await set(t(), user, 'personalization', true)).statusCode, 200);
  });

  it('ignores the signal on anonymous requests', async () => {
    const response = await t().request({
      method: 'GET',
      url: '/api/policies',
      headers: { 'sec-gpc': '1' },
    });
    assert.equal(response.statusCode, 200);
  });
});
