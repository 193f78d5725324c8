import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDialect, useTestApp, type TestApp } from '../../../test/harness';
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
import { consentCoreOf, operatorEnv, operatorToken, publishPolicy } from '../../../test/privacy';

/** Registers with explicit terms; the test clock stands at 25 November 2026. */
async function register(t: TestApp, terms: Record<string, unknown>, phone = newPhone()) {
  const code = await requestCode(t, { phone });
  const send = (extra: Record<string, unknown>) =>
    t.request({
      method: 'POST',
      url: '/api/auth/register',
      payload: { phone, code, password: strongPassword, nickname: 'Ana', device, ...extra },
    });
  return { phone, response: await send(terms), retry: send };
}

const usersWith = (t: TestApp, phone: string) =>
  t.db.db.selectFrom('users').select('id').where('phone', '=', phone).execute();

describeEachDialect('sign-up: policy acceptance and the international age rule', (dialect) => {
  const t = useTestApp(dialect, { env: operatorEnv });

  it('records the acceptance of the current version with the account', async () => {
    const user = await registerUser(t());
    const me = await t().request({
      method: 'GET',
      url: '/api/account',
      headers: bearer(user.token),
    });
    assert.deepEqual(me.json().policy, {
      acceptedVersion: 1,
      currentVersion: 1,
      reconsentRequired: false,
    });
  });

  it('answers 409 with the current version for a stale one, without spending the code', async () => {
    const { phone, response, retry } = await register(t(), {
      ...signUpTerms,
      acceptPolicyVersion: 7,
    });
    assert.equal(response.statusCode, 409);
    assert.equal(errorId(response), 'conflict');
    assert.equal(response.json().error.details.currentVersion, 1);
    assert.equal((await usersWith(t(), phone)).length, 0);
    assert.equal((await retry(signUpTerms)).statusCode, 201);
  });

  it('refuses anyone who could be under 16, and accepts 16 for sure', async () => {
    // Born in 2010: 16 by the end of 2026, perhaps still 15 on 25 November.
    const young = await register(t(), { ...signUpTerms, birthYear: 2010 });
    assert.equal(young.response.statusCode, 400);
    assert.equal(errorId(young.response), 'age_restricted');
    assert.equal(young.response.json().error.details.minimumAge, 16);
    assert.equal((await usersWith(t(), young.phone)).length, 0);
    const sixteen = await register(t(), { ...signUpTerms, birthYear: 2009 });
    assert.equal(sixteen.response.statusCode, 201);
  });

  it('answers 400 without the terms, or with a year of birth in the future', async () => {
    for (const terms of [
      {},
      { acceptPolicyVersion: 1 },
      { birthYear: 1990 },
      { ...signUpTerms, birthYear: 2031 },
      { ...signUpTerms, birthYear: 1850 },
      { ...signUpTerms, acceptPolicyVersion: '1' },
    ]) {
      const { response } = await register(t(), terms);
      assert.equal(response.statusCode, 400, JSON.stringify(terms));
      assert.equal(errorId(response), 'validation_failed');
    }
  });

  it('makes newcomers accept the newest version after a new one is published', async () => {
    await publishPolicy(t(), await operatorToken(t()), { significant: true, changes: ['More.'] });
    const { response } = await register(t(), signUpTerms);
    assert.equal(response.statusCode, 409);
    const user = await registerUser(t());
    const me = await t().request({
      method: 'GET',
      url: '/api/account',
      headers: bearer(user.token),
    });
    assert.equal(me.json().policy.reconsentRequired, false);
  });
});

describeEachDialect('sign-up: the cn edition guardian rule', (dialect) => {
  const t = useTestApp(dialect, { env: { EDITION: 'cn' } });

  const grant = (user: { token: string }, purpose: string) =>
    t().request({
      method: 'PUT',
      url: `/api/privacy/consents/${purpose}`,
      headers: bearer(user.token),
      payload: { granted: true },
    });

  it("limits a child's account to basic functions until a guardian approves", async () => {
    const child = await registerUser(t(), { birthYear: 2013 });
    const request = await t().request({
      method: 'GET',
      url: '/api/privacy/guardian',
      headers: bearer(child.token),
    });
    assert.equal(request.statusCode, 200);
    assert.equal(request.json().status, 'pending');
    assert.equal(request.json().ruleEndsAt, Date.UTC(2028, 0, 1));

    const { consents } = await consentCoreOf(t());
    await consents.require(child.userId, 'profile');
    await assert.rejects(
      consents.require(child.userId, 'calendar'),
      (e: { details: { reason: string } }) => e.details.reason === 'guardian_consent_required',
    );
    const refused = await grant(child, 'calendar');
    assert.equal(refused.statusCode, 403);
    assert.equal(errorId(refused), 'consent_required');

    const guardian = await registerUser(t(), { birthYear: 1985 });
    const approved = await t().request({
      method: 'POST',
      url: `/api/privacy/guardian/${request.json().id}/approve`,
      headers: bearer(guardian.token),
    });
    assert.equal(approved.statusCode, 200);
    assert.equal(approved.json().status, 'approved');
    const history = await t().request({
      method: 'GET',
      url: '/api/privacy/consents/history',
      headers: bearer(child.token),
    });
    assert.deepEqual(
      history
        .json()
        .records.map((r: { purpose: string; method: string }) => `${r.purpose}:${r.method}`),
      ['policy:guardian', 'policy:ui'],
    );
    assert.equal((await grant(child, 'calendar')).statusCode, 200);
    await consents.require(child.userId, 'calendar');
  });

  it('asks no guardian for someone surely 14', async () => {
    const teen = await registerUser(t(), { birthYear: 2011 });
    const request = await t().request({
      method: 'GET',
      url: '/api/privacy/guardian',
      headers: bearer(teen.token),
    });
    assert.equal(request.statusCode, 404);
    assert.equal((await grant(teen, 'calendar')).statusCode, 200);
  });

  it('refuses self-approval, approval by another child, a second guardian; 404 unknown', async () => {
    const child = await registerUser(t(), { birthYear: 2016 });
    const otherChild = await registerUser(t(), { birthYear: 2015 });
    const id = (
      await t().request({
        method: 'GET',
        url: '/api/privacy/guardian',
        headers: bearer(child.token),
      })
    ).json().id;
    const approve = (user: { token: string }, requestId = id) =>
      t().request({
        method: 'POST',
        url: `/api/privacy/guardian/${requestId}/approve`,
        headers: bearer(user.token),
      });
    assert.equal((await approve(child)).statusCode, 403);
    assert.equal((await approve(otherChild)).statusCode, 403);
    const parent = await registerUser(t(), { birthYear: 1980 });
    const stranger = await registerUser(t(), { birthYear: 1970 });
    assert.equal((await approve(parent)).statusCode, 200);
    assert.equal((await approve(parent)).statusCode, 200, 'approving twice changes nothing');
    assert.equal((await approve(stranger)).statusCode, 409);
    const unknown = await approve(parent, '0190a0d0-0000-7000-8000-000000000000');
    assert.equal(unknown.statusCode, 404);
    assert.equal((await approve(parent, 'nope')).statusCode, 400);
  });

  // Moves the suite's clock to 2028, so it runs last.
  it('lifts the limit by itself once the child is surely 14', async () => {
    const child = await registerUser(t(), { birthYear: 2013 });
    assert.equal((await grant(child, 'health')).statusCode, 403);
    const { consents } = await consentCoreOf(t());
    t().clock.advance(Date.UTC(2028, 0, 1) - t().clock.now() - 1);
    assert.equal(await consents.isAwaitingGuardian(child.userId), true);
    t().clock.advance(1);
    assert.equal(await consents.isAwaitingGuardian(child.userId), false);
    assert.deepEqual(await consents.check(child.userId, 'health'), {
      allowed: false,
      reason: 'not_granted',
    });
  });
});
