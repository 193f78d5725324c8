import assert from 'node:assert/strict';
import { it } from 'node:test';
import { bearer, registerUser } from '../../../test/factories';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { NO_AUTOMATED_DECISIONS } from './fulfilment';
import { DAY_MS } from './request-states';
import {
  auditActions,
  getRequest,
  operatorEnv,
  submit,
  submitVerified,
  verify,
} from './rights.fixtures';

// Each kind of request, end to end through the API, on both databases.
describeEachDialect('data-rights requests: each kind end to end', (dialect) => {
  const t = useTestApp(dialect, { env: operatorEnv });

  const profile = (token: string) =>
    t().request({ method: 'GET', url: '/api/profile', headers: bearer(token) });
  const patchProfile = (token: string, payload: object) =>
    t().request({ method: 'PATCH', url: '/api/profile', headers: bearer(token), payload });

  it('access: submitted with a deadline, verified, answered with a report (Art. 15)', async () => {
    const user = await registerUser(t());
    const { request, code } = await submit(t(), user, { kind: 'access' });
    assert.equal(request.status, 'submitted');
    assert.equal(request.deadlineAt, request.createdAt + 30 * DAY_MS);
    assert.equal(request.daysLeft, 30);
    assert.equal((await getRequest(t(), user, request.id)).daysLeft, 29, 'a minute later');
    const early = await t().request({
      method: 'GET',
      url: `/api/privacy/requests/${request.id}/report`,
      headers: bearer(user.token),
    });
    assert.equal(early.statusCode, 409, 'no report before the request is verified');

    const verified = await verify(t(), user, request.id, code);
    assert.equal(verified.statusCode, 200, verified.body);
    assert.equal(verified.json().status, 'fulfilled');
    assert.equal(verified.json().daysLeft, null);
    const report = await t().request({
      method: 'GET',
      url: `/api/privacy/requests/${request.id}/report`,
      headers: bearer(user.token),
    });
    assert.equal(report.statusCode, 200, report.body);
    const body = report.json();
    assert.equal(body.storageRegion, 'Singapore');
    assert.deepEqual(body.automatedDecisions, []);
    const users = body.items.find((i: { table: string }) => i.table === 'users');
    assert.ok(users.purposes.length > 0 && users.legalBasis.includes('contract'));
    assert.ok(Array.isArray(body.recipients) && body.sources.length > 0);
    const actions = (await auditActions(t())).map((a) => a.action);
    for (const action of [
      'rights_request.submitted',
      'rights_request.verified',
      'rights_request.fulfilled',
      'access_report.read',
    ])
      assert.ok(actions.includes(action), action);
  });

  it('copy: streams a zip to its owner only, once fulfilled, and audits it', async () => {
    const user = await registerUser(t());
    const other = await registerUser(t());
    const { request, code } = await submit(t(), user, { kind: 'copy' });
    const url = `/api/privacy/requests/${request.id}/export`;
    const early = await t().request({ method: 'GET', url, headers: bearer(user.token) });
    assert.equal(early.statusCode, 409);
    assert.equal((await verify(t(), user, request.id, code)).json().status, 'fulfilled');
    const foreign = await t().request({ method: 'GET', url, headers: bearer(other.token) });
    assert.equal(foreign.statusCode, 404);
    const download = await t().request({ method: 'GET', url, headers: bearer(user.token) });
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'application/zip');
    assert.match(String(download.headers['content-disposition']), /attachment/);
    assert.equal(download.rawPayload.subarray(0, 2).toString('latin1'), 'PK');
    assert.ok((await auditActions(t())).some((a) => a.action === 'data.exported'));
  });

  it('correct: own profile fields apply at once; free text waits for a person', async () => {
    const user = await registerUser(t());
    const auto = await submitVerified(t(), user, {
      kind: 'correct',
      profile: { workRegion: 'Penang', nickname: 'Mei Ling' },
    });
    assert.equal(auto.status, 'fulfilled');
    const own = (await profile(user.token)).json();
    assert.equal(own.workRegion, 'Penang');
    assert.equal(own.nickname, 'Mei Ling');

    const mixed = await submitVerified(t(), user, {
      kind: 'correct',
      text: 'The sign-up date shown to my team is wrong.',
      profile: { workRegion: 'Johor' },
    });
    assert.equal(mixed.status, 'in_progress');
    assert.equal(mixed.awaitingOperator, true);
    assert.equal((await profile(user.token)).json().workRegion, 'Johor');
    assert.equal(
      mixed.submitted.kind === 'correct' && mixed.submitted.profile?.workRegion,
      'Johor',
    );
    const stored = await t()
      .db.db.selectFrom('rights_requests')
      .select('details')
      .where('id', '=', mixed.id)
      .executeTakeFirstOrThrow();
    assert.match(stored.details!, /^v1\./, 'sealed under the person’s key');
    assert.doesNotMatch(stored.details!, /Johor|sign-up date/);
  });

  it('delete: erases chosen categories; refuses the account’s own; items go to a person', async () => {
    const user = await registerUser(t());
    const set = await patchProfile(user.token, { gender: 'female', birthday: '1990-04-02' });
    assert.equal(set.statusCode, 200, set.body);
    const done = await submitVerified(t(), user, {
      kind: 'delete',
      categories: ['user.demographic'],
    });
    assert.equal(done.status, 'fulfilled');
    const own = (await profile(user.token)).json();
    assert.equal(own.gender, null);
    assert.equal(own.birthday, null);

    for (const categories of [['user.contact.phone_number'], ['user'], ['user.no_such_thing']]) {
      const refused = await t().request({
        method: 'POST',
        url: '/api/privacy/requests',
        headers: bearer(user.token),
        payload: { kind: 'delete', categories },
      });
      assert.equal(refused.statusCode, 400, categories.join());
    }
    const items = await submitVerified(t(), user, {
      kind: 'delete',
      items: ['The photo I sent to the Design group on Monday'],
    });
    assert.equal(items.status, 'in_progress');
    assert.equal(items.awaitingOperator, true);
  });

  it('restrict: restricts a category and lifts it again', async () => {
    const user = await registerUser(t());
    const restricted = await submitVerified(t(), user, {
      kind: 'restrict',
      category: 'user.location.imprecise',
    });
    assert.equal(restricted.status, 'fulfilled');
    assert.ok(await t().app.dataEngines.isRestricted(user.userId, 'user.location.imprecise'));
    const lifted = await submitVerified(t(), user, {
      kind: 'restrict',
      category: 'user.location.imprecise',
      lift: true,
    });
    assert.equal(lifted.status, 'fulfilled');
    assert.ok(!(await t().app.dataEngines.isRestricted(user.userId, 'user.location.imprecise')));
  });

  it('withdraw consent: withdrawn in the consent ledger; basic functions are refused', async () => {
    const user = await registerUser(t());
    const grant = await t().request({
      method: 'PUT',
      url: '/api/privacy/consents/location',
      headers: bearer(user.token),
      payload: { granted: true },
    });
    assert.equal(grant.statusCode, 200, grant.body);
    const done = await submitVerified(t(), user, { kind: 'withdraw_consent', purpose: 'location' });
    assert.equal(done.status, 'fulfilled', JSON.stringify(done));
    const history = await t().request({
      method: 'GET',
      url: '/api/privacy/consents/history',
      headers: bearer(user.token),
    });
    const [latest] = history.json().records as { purpose: string; action: string }[];
    assert.deepEqual([latest?.purpose, latest?.action], ['location', 'withdrawn']);
    const basic = await t().request({
      method: 'POST',
      url: '/api/privacy/requests',
      headers: bearer(user.token),
      payload: { kind: 'withdraw_consent', purpose: 'account' },
    });
    assert.equal(basic.statusCode, 400);
  });

  it('automated decision: answered at once that none are made; a described one also goes to a person', async () => {
    const user = await registerUser(t());
    const plain = await submitVerified(t(), user, { kind: 'automated_decision' });
    assert.equal(plain.status, 'fulfilled');
    assert.equal(plain.answer, NO_AUTOMATED_DECISIONS);
    assert.equal(plain.refusalReason, null);
    const described = await submitVerified(t(), user, {
      kind: 'automated_decision',
      text: 'My account was frozen overnight; was that automatic?',
    });
    assert.equal(described.status, 'in_progress');
    assert.equal(described.awaitingOperator, true);
    assert.equal(described.answer, NO_AUTOMATED_DECISIONS);
  });

  it('complaint: queued for a person with the 15-day deadline of SUP-2', async () => {
    const user = await registerUser(t());
    const complaint = await submitVerified(t(), user, {
      kind: 'complaint',
      text: 'Nobody answered my question about the export.',
    });
    assert.equal(complaint.status, 'in_progress');
    assert.equal(complaint.awaitingOperator, true);
    assert.equal(complaint.deadlineAt, complaint.createdAt + 15 * DAY_MS);
    const listed = await t().request({
      method: 'GET',
      url: '/api/privacy/requests',
      headers: bearer(user.token),
    });
    assert.deepEqual(
      listed.json().requests.map((r: { id: string }) => r.id),
      [complaint.id],
    );
    assert.equal((await getRequest(t(), user, complaint.id)).daysLeft, 14);
  });
});
