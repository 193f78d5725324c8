import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import type { RightsRequest } from '@carillon/protocol/rights';
import { bearer, errorId, registerUser } from '../../../test/factories';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { DAY_MS } from './request-states';
import { ANSWER_PURPOSE } from './rights-operator.service';
import {
  auditActions,
  getRequest,
  operatorEnv,
  operatorToken,
  readQueue,
  submit,
  submitVerified,
  verify,
} from './rights.fixtures';

const reason = 'We hold no such record; see the access report for everything we hold.';

// The operator queue: ordering, answers, invalid transitions and guards.
describeEachDialect('data-rights requests: the operator queue', (dialect) => {
  const t = useTestApp(dialect, { env: operatorEnv });

  const act = (token: string, id: string, action: 'fulfil' | 'refuse', payload: object) =>
    t().request({
      method: 'POST',
      url: `/api/operator/rights-requests/${id}/${action}`,
      headers: bearer(token),
      payload,
    });

  it('lists only requests that need a person, overdue first, with days left', async () => {
    const [a, b, c] = [await registerUser(t()), await registerUser(t()), await registerUser(t())];
    const early = await submitVerified(t(), a, { kind: 'complaint', text: 'First, soon late.' });
    await submitVerified(t(), a, { kind: 'access' });
    t().clock.advance(10 * DAY_MS);
    const later = await submitVerified(t(), b, { kind: 'correct', text: 'My title is wrong.' });
    t().clock.advance(10 * DAY_MS);
    const recent = await submitVerified(t(), c, { kind: 'complaint', text: 'Second.' });
    const ours = new Set([early.id, later.id, recent.id]);
    const queue = (await readQueue(t(), await operatorToken(t()))).filter((r) => ours.has(r.id));
    assert.deepEqual(
      queue.map((r) => r.id),
      [early.id, recent.id, later.id],
    );
    const [overdue, next] = queue as [RightsRequest, RightsRequest];
    assert.equal(overdue.overdue, true);
    assert.ok(overdue.daysLeft! < 0);
    assert.equal(next.overdue, false);
    assert.equal((queue[0] as RightsRequest & { userId: string }).userId, a.userId);
    const reads = (await auditActions(t())).filter((e) => e.action === 'rights_request.read');
    assert.ok(reads.length >= 3);
    assert.ok(reads.every((e) => e.purpose === 'answer data-rights requests'));
  });

  it('fulfils with a note and refuses with a reason; the person sees both, audited', async () => {
    const user = await registerUser(t());
    const token = await operatorToken(t());
    const question = await submitVerified(t(), user, {
      kind: 'automated_decision',
      text: 'Was my account frozen by a program?',
    });
    const fulfilled = await act(token, question.id, 'fulfil', { note: 'You froze it yourself.' });
    assert.equal(fulfilled.statusCode, 200, fulfilled.body);
    assert.equal(fulfilled.json().status, 'fulfilled');
    const seen = await getRequest(t(), user, question.id);
    assert.equal(seen.answer, 'You froze it yourself.');
    assert.equal(seen.awaitingOperator, false);

    const complaint = await submitVerified(t(), user, { kind: 'complaint', text: 'Delete it.' });
    const refused = await act(token, complaint.id, 'refuse', { reason });
    assert.equal(refused.statusCode, 200, refused.body);
    const after = await getRequest(t(), user, complaint.id);
    assert.equal(after.status, 'refused');
    assert.equal(after.refusalReason, reason);
    assert.notEqual(after.closedAt, null);
    const answers = (await auditActions(t())).filter((e) =>
      ['rights_request.fulfilled', 'rights_request.refused'].includes(e.action),
    );
    assert.ok(answers.filter((e) => e.purpose === ANSWER_PURPOSE).length >= 2);
  });

  it('refuses invalid transitions with 409: closed, automatic or unverified requests', async () => {
    const user = await registerUser(t());
    const token = await operatorToken(t());
    const complaint = await submitVerified(t(), user, { kind: 'complaint', text: 'Late reply.' });
    assert.equal((await act(token, complaint.id, 'fulfil', {})).statusCode, 200);
    for (const action of ['fulfil', 'refuse'] as const) {
      const twice = await act(token, complaint.id, action, action === 'fulfil' ? {} : { reason });
      assert.equal(twice.statusCode, 409, action);
      assert.equal(errorId(twice), 'conflict');
    }
    const automatic = await submitVerified(t(), user, { kind: 'access' });
    assert.equal((await act(token, automatic.id, 'refuse', { reason })).statusCode, 409);
    const { request } = await submit(t(), user, { kind: 'copy' });
    assert.equal((await act(token, request.id, 'fulfil', {})).statusCode, 409);
    assert.equal((await getRequest(t(), user, request.id)).status, 'submitted');
  });

  it('guards every operator endpoint: 401 without or with a user token, 400, 404', async () => {
    const user = await registerUser(t());
    const token = await operatorToken(t());
    const complaint = await submitVerified(t(), user, { kind: 'complaint', text: 'Hello?' });
    const queueUrl = '/api/operator/rights-requests?purpose=answer%20requests';
    const endpoints = [
      ['GET', queueUrl],
      ['POST', `/api/operator/rights-requests/${complaint.id}/fulfil`],
      ['POST', `/api/operator/rights-requests/${complaint.id}/refuse`],
    ] as const;
    for (const [method, url] of endpoints) {
      const payload = method === 'POST' ? { reason } : undefined;
      assert.equal((await t().request({ method, url, payload })).statusCode, 401, url);
      const asUser = await t().request({ method, url, payload, headers: bearer(user.token) });
      assert.equal(asUser.statusCode, 401, `user token on ${url}`);
    }
    const noPurpose = await t().request({
      method: 'GET',
      url: '/api/operator/rights-requests',
      headers: bearer(token),
    });
    assert.equal(noPurpose.statusCode, 400);
    assert.equal((await act(token, complaint.id, 'refuse', {})).statusCode, 400);
    assert.equal((await act(token, complaint.id, 'refuse', { reason: 'no' })).statusCode, 400);
    assert.equal((await act(token, complaint.id, 'fulfil', { extra: 1 })).statusCode, 400);
    assert.equal((await act(token, randomUUID(), 'fulfil', {})).statusCode, 404);
    assert.equal((await act(token, randomUUID(), 'refuse', { reason })).statusCode, 404);
    assert.equal((await getRequest(t(), user, complaint.id)).status, 'in_progress');
  });
});

// The deadline comes from the edition's rule table, not from code that asks which edition.
describeEachDialect('data-rights requests: deadlines by edition', (dialect) => {
  const international = useTestApp(dialect);
  const cn = useTestApp(dialect, { env: { EDITION: 'cn' } });

  it('gives 30 days in the international edition and 15 in the cn edition', async () => {
    for (const [t, days] of [
      [international, 30],
      [cn, 15],
    ] as const) {
      const user = await registerUser(t());
      const { request, code } = await submit(t(), user, { kind: 'correct', text: 'Fix my title.' });
      assert.equal(request.deadlineAt - request.createdAt, days * DAY_MS);
      assert.equal(request.daysLeft, days);
      assert.equal((await verify(t(), user, request.id, code)).statusCode, 200);
      t().clock.advance(days * DAY_MS - 3_600_000);
      const lastDay = await getRequest(t(), user, request.id);
      assert.equal(lastDay.daysLeft, 0);
      assert.equal(lastDay.overdue, false);
      t().clock.advance(2 * DAY_MS);
      const late = await getRequest(t(), user, request.id);
      assert.equal(late.overdue, true);
      assert.equal(late.daysLeft, -2);
    }
  });
});
