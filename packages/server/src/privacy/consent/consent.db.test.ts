import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDialect, useTestApp, type TestApp } from '../../../test/harness';
import { bearer, errorId, registerUser } from '../../../test/factories';
import { consentCoreOf, operatorEnv, operatorToken, publishPolicy } from '../../../test/privacy';
import { AppError } from '../../platform/errors';
import type { PurposeKey } from './purposes';

type Grant = Awaited<ReturnType<typeof registerUser>>;

const setConsent = (t: TestApp, user: Grant, purpose: string, granted: boolean, lang = 'en') =>
  t.request({
    method: 'PUT',
    url: `/api/privacy/consents/${purpose}?lang=${lang}`,
    headers: bearer(user.token),
    payload: { granted },
  });

const ledgerRows = (t: TestApp, subjectId: string) =>
  t.db.db
    .selectFrom('consent_records')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .orderBy('id')
    .execute();

/** What `require` throws, or undefined when it lets processing go ahead. */
async function refusal(t: TestApp, userId: string, purpose: PurposeKey) {
  const { consents } = await consentCoreOf(t);
  try {
    await consents.require(userId, purpose);
    return undefined;
  } catch (error) {
    assert.ok(error instanceof AppError);
    return {
      id: error.id,
      status: error.status,
      details: error.details as Record<string, unknown>,
    };
  }
}

describeEachDialect('consent ledger: switches, withdrawal and the audit trail', (dialect) => {
  const t = useTestApp(dialect);

  it('lists every purpose: basic ones covered by the accepted policy, additional ones off', async () => {
    const user = await registerUser(t());
    const response = await t().request({
      method: 'GET',
      url: '/api/privacy/consents?lang=zh-CN',
      headers: bearer(user.token),
    });
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.equal(body.language, 'zh-CN');
    assert.deepEqual(body.policy, {
      acceptedVersion: 1,
      currentVersion: 1,
      reconsentRequired: false,
    });
    const byKey = Object.fromEntries(body.purposes.map((p: { purpose: string }) => [p.purpose, p]));
    assert.equal(byKey.account.kind, 'basic');
    assert.equal(byKey.account.granted, true);
    assert.ok(byKey.account.recordId);
    for (const key of [
      'contacts_matching',
      'location',
      'calendar',
      'health',
      'personalization',
      'ai_assistant',
      'camera_microphone',
    ]) {
      assert.equal(byKey[key].kind, 'additional', key);
      assert.equal(byKey[key].granted, false, key);
      assert.equal(byKey[key].since, null, key);
    }
    assert.equal(byKey.location.title, '位置');
    assert.deepEqual(byKey.location.sensitiveCategories, ['user.location.precise']);
    assert.equal(byKey.health.sensitive, true);
    assert.equal(byKey.calendar.sensitive, false);
  });

  it('grants, then withdraws: processing stops at once, history is only appended to', async () => {
    const user = await registerUser(t());
    const processed: string[] = [];
    const shareLocation = async () => {
      await (await consentCoreOf(t())).consents.require(user.userId, 'location');
      processed.push('location');
    };
    await assert.rejects(shareLocation(), (e: AppError) => e.id === 'consent_required');
    assert.deepEqual(processed, [], 'nothing is processed without a grant');

    const granted = await setConsent(t(), user, 'location', true);
    assert.equal(granted.statusCode, 200);
    assert.equal(granted.json().granted, true);
    assert.equal(granted.json().since, t().clock.now());
    await shareLocation();
    assert.deepEqual(processed, ['location']);
    const afterGrant = await ledgerRows(t(), user.userId);

    t().clock.advance(60_000);
    const withdrawn = await setConsent(t(), user, 'location', false);
    assert.equal(withdrawn.json().granted, false);
    await assert.rejects(shareLocation(), (e: AppError) => e.id === 'consent_required');
    assert.deepEqual(processed, ['location'], 'withdrawal does not undo, and stops what follows');

    const rows = await ledgerRows(t(), user.userId);
    assert.deepEqual(rows.slice(0, afterGrant.length), afterGrant, 'earlier rows are untouched');
    assert.deepEqual(
      rows.map((r) => [r.purpose, r.action, r.method, r.policy_version, r.edition]),
      [
        ['policy', 'granted', 'ui', 1, 'international'],
        ['location', 'granted', 'api', 1, 'international'],
        ['location', 'withdrawn', 'api', 1, 'international'],
      ],
    );
    const history = await t().request({
      method: 'GET',
      url: '/api/privacy/consents/history',
      headers: bearer(user.token),
    });
    assert.deepEqual(
      history
        .json()
        .records.map((r: { action: string; purpose: string }) => `${r.purpose}:${r.action}`),
      ['location:withdrawn', 'location:granted', 'policy:granted'],
    );
  });

  it('records nothing for a switch already in the state asked for', async () => {
    const user = await registerUser(t());
    await setConsent(t(), user, 'calendar', false);
    await setConsent(t(), user, 'calendar', true);
    await setConsent(t(), user, 'calendar', true);
    assert.equal((await ledgerRows(t(), user.userId)).length, 2);
  });

  it('records a grant made from the browser (cookie session) as method ui', async () => {
    const user = await registerUser(t());
    const response = await t().request({
      method: 'PUT',
      url: '/api/privacy/consents/ai_assistant',
      headers: { cookie: `carillon_session=${user.token}`, 'x-csrf-token': user.csrfToken },
      payload: { granted: true },
    });
    assert.equal(response.statusCode, 200);
    assert.equal((await ledgerRows(t(), user.userId)).at(-1)!.method, 'ui');
  });

  it('keeps basic functions working without a grant and refuses purposes it does not know', async () => {
    const user = await registerUser(t());
    assert.equal(await refusal(t(), user.userId, 'account'), undefined);
    const unknown = await refusal(t(), user.userId, 'sell_to_brokers' as PurposeKey);
    assert.equal(unknown?.id, 'consent_required');
    assert.equal(unknown?.details.reason, 'unknown_purpose');
  });

  it('answers 404 for an unknown purpose, 409 for a basic one, 400 for a bad body, 401 unsigned', async () => {
    const user = await registerUser(t());
    const unknown = await setConsent(t(), user, 'telepathy', true);
    assert.equal(unknown.statusCode, 404);
    assert.equal(errorId(unknown), 'not_found');
    const basic = await setConsent(t(), user, 'account', false);
    assert.equal(basic.statusCode, 409);
    assert.equal(basic.json().error.details.reason, 'basic_function');
    for (const payload of [{}, { granted: 'yes' }, { granted: true, extra: 1 }]) {
      const response = await t().request({
        method: 'PUT',
        url: '/api/privacy/consents/location',
        headers: bearer(user.token),
        payload,
      });
      assert.equal(response.statusCode, 400, JSON.stringify(payload));
      assert.equal(errorId(response), 'validation_failed');
    }
    for (const [method, url] of [
      ['GET', '/api/privacy/consents'],
      ['PUT', '/api/privacy/consents/location'],
      ['GET', '/api/privacy/consents/history'],
      ['GET', '/api/privacy/policy/status'],
      ['POST', '/api/privacy/policy/accept'],
    ] as const) {
      const response = await t().request({ method, url, payload: {} });
      assert.equal(response.statusCode, 401, url);
    }
  });
});

describeEachDialect('consent ledger: significant policy changes', (dialect) => {
  const t = useTestApp(dialect, { env: operatorEnv });

  const account = async (user: Grant) =>
    (await t().request({ method: 'GET', url: '/api/account', headers: bearer(user.token) })).json();

  it('pauses additional functions until the new version is accepted; basic ones keep working', async () => {
    const user = await registerUser(t());
    assert.equal((await setConsent(t(), user, 'personalization', true)).statusCode, 200);
    assert.equal(await refusal(t(), user.userId, 'personalization'), undefined);
    assert.deepEqual((await account(user)).policy, {
      acceptedVersion: 1,
      currentVersion: 1,
      reconsentRequired: false,
    });

    const token = await operatorToken(t());
    const v2 = await publishPolicy(t(), token, { significant: true, changes: ['New purpose.'] });
    assert.deepEqual((await account(user)).policy, {
      acceptedVersion: 1,
      currentVersion: v2,
      reconsentRequired: true,
    });
    const blocked = await refusal(t(), user.userId, 'personalization');
    assert.deepEqual(blocked, {
      id: 'consent_required',
      status: 403,
      details: {
        purpose: 'personalization',
        reason: 'reconsent_required',
        reconsentRequired: true,
        currentVersion: v2,
      },
    });
    assert.equal(await refusal(t(), user.userId, 'profile'), undefined, 'basic still works');
    const profile = await t().request({
      method: 'GET',
      url: '/api/profile',
      headers: bearer(user.token),
    });
    assert.equal(profile.statusCode, 200);

    const grant = await setConsent(t(), user, 'calendar', true);
    assert.equal(grant.statusCode, 403);
    assert.equal(errorId(grant), 'consent_required');
    assert.equal(grant.json().error.details.reason, 'reconsent_required');

    const stale = await t().request({
      method: 'POST',
      url: '/api/privacy/policy/accept',
      headers: bearer(user.token),
      payload: { version: 1 },
    });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.details.currentVersion, v2);
    const accepted = await t().request({
      method: 'POST',
      url: '/api/privacy/policy/accept',
      headers: bearer(user.token),
      payload: { version: v2 },
    });
    assert.equal(accepted.statusCode, 200);
    assert.deepEqual(accepted.json(), {
      acceptedVersion: v2,
      currentVersion: v2,
      reconsentRequired: false,
    });
    assert.equal(
      await refusal(t(), user.userId, 'personalization'),
      undefined,
      'the grant lives on',
    );
    assert.equal((await setConsent(t(), user, 'calendar', true)).statusCode, 200);
  });

  it('asks nobody again for a minor version', async () => {
    const user = await registerUser(t());
    await publishPolicy(t(), await operatorToken(t()), { significant: false });
    const status = await t().request({
      method: 'GET',
      url: '/api/privacy/policy/status',
      headers: bearer(user.token),
    });
    assert.equal(status.json().reconsentRequired, false);
    assert.ok(status.json().acceptedVersion < status.json().currentVersion);
  });

  it('answers 400 for an accept body that is not a version', async () => {
    const user = await registerUser(t());
    for (const payload of [{}, { version: 'latest' }, { version: 0 }]) {
      const response = await t().request({
        method: 'POST',
        url: '/api/privacy/policy/accept',
        headers: bearer(user.token),
        payload,
      });
      assert.equal(response.statusCode, 400, JSON.stringify(payload));
    }
  });
});
