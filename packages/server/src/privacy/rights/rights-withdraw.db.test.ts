import assert from 'node:assert/strict';
import { it } from 'node:test';
import { bearer, registerUser } from '../../../test/factories';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import {
  auditActions,
  getRequest,
  operatorEnv,
  operatorToken,
  readQueue,
  submit,
  submitVerified,
} from './rights.fixtures';

// POST /api/privacy/requests/:id/withdraw: a person calls off their own request.
describeEachDialect('data-rights requests: withdrawing one', (dialect) => {
  const t = useTestApp(dialect, { env: operatorEnv });
  const withdraw = (token: string | null, id: string) =>
    t().request({
      method: 'POST',
      url: `/api/privacy/requests/${id}/withdraw`,
      ...(token ? { headers: bearer(token) } : {}),
    });

  it('withdraws a request not yet confirmed; it can no longer be confirmed', async () => {
    const user = await registerUser(t());
    const { request } = await submit(t(), user, { kind: 'access' });
    const response = await withdraw(user.token, request.id);
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().status, 'withdrawn');
    assert.equal(response.json().daysLeft, null);
    assert.ok(response.json().closedAt);
    assert.equal((await getRequest(t(), user, request.id)).status, 'withdrawn');
    const again = await withdraw(user.token, request.id);
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.id, 'conflict');
    assert.ok((await auditActions(t())).some((a) => a.action === 'rights_request.withdrawn'));
    // Another request of the same kind may be submitted and run now.
    const next = await submitVerified(t(), user, { kind: 'access' });
    assert.equal(next.status, 'fulfilled');
  });

  it('withdraws a request waiting for an operator; it leaves the queue', async () => {
    const user = await registerUser(t());
    const queued = await submitVerified(t(), user, { kind: 'complaint', text: 'Too many codes' });
    assert.equal(queued.awaitingOperator, true);
    const token = await operatorToken(t());
    assert.ok((await readQueue(t(), token)).some((r) => r.id === queued.id));
    const response = await withdraw(user.token, queued.id);
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().status, 'withdrawn');
    assert.ok(!(await readQueue(t(), token)).some((r) => r.id === queued.id));
    const fulfil = await t().request({
      method: 'POST',
      url: `/api/operator/rights-requests/${queued.id}/fulfil`,
      headers: bearer(token),
      payload: {},
    });
    assert.equal(fulfil.statusCode, 409, 'an operator cannot answer a withdrawn request');
  });

  it('refuses finished requests (409), others\u2019 requests (404), bad ids (400), no sign-in (401)', async () => {
    const user = await registerUser(t());
    const other = await registerUser(t());
    const done = await submitVerified(t(), user, { kind: 'access' });
    const finished = await withdraw(user.token, done.id);
    assert.equal(finished.statusCode, 409);
    assert.equal(finished.json().error.details.status, 'fulfilled');
    const theirs = await withdraw(other.token, done.id);
    assert.equal(theirs.statusCode, 404);
    assert.equal(theirs.json().error.id, 'not_found');
    const malformed = await withdraw(user.token, 'not-an-id');
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json().error.id, 'validation_failed');
    const anonymous = await withdraw(null, done.id);
    assert.equal(anonymous.statusCode, 401);
    assert.equal((await getRequest(t(), user, done.id)).status, 'fulfilled');
  });
});
