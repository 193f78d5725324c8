import type { PublishPolicyBody } from '@carillon/protocol/privacy';
import { uuidV7Generator } from '../src/platform/ids';
import { buildConsentCore, type ConsentCore } from '../src/privacy/consent/consent-core';
import { editions } from '../src/privacy/editions';
import { bearer } from './factories';
import type { TestApp } from './harness';

/** The operator tests sign in as. */
export const testOperator = { username: 'policy-ops', password: 'lantern harbour morning tide' };
/** Environment that creates `testOperator` at start; pass it to `useTestApp`. */
export const operatorEnv = {
  OPERATOR_USERNAME: testOperator.username,
  OPERATOR_PASSWORD: testOperator.password,
};

/** Signs the test operator in and returns its bearer token. */
export async function operatorToken(t: TestApp): Promise<string> {
  const response = await t.request({
    method: 'POST',
    url: '/api/operator/login',
    payload: testOperator,
  });
  if (response.statusCode !== 200) throw new Error(`operator login failed: ${response.body}`);
  return (response.json() as { token: string }).token;
}

/** A complete body for POST /api/operator/policies. */
export function policyBody(overrides: Partial<PublishPolicyBody> = {}): PublishPolicyBody {
  return {
    texts: { en: '# Policy\n\nWhat we do.', 'zh-CN': '# 政策\n\n我们做什么。' },
    summaries: { en: 'In short: little.', 'zh-CN': '简而言之：很少。' },
    significant: false,
    changes: [],
    ...overrides,
  };
}

/** Publishes a version as the operator; returns its number. */
export async function publishPolicy(
  t: TestApp,
  token: string,
  overrides: Partial<PublishPolicyBody> = {},
): Promise<number> {
  const response = await t.request({
    method: 'POST',
    url: '/api/operator/policies',
    headers: bearer(token),
    payload: policyBody(overrides),
  });
  if (response.statusCode !== 201) throw new Error(`publish failed: ${response.body}`);
  return (response.json() as { version: number }).version;
}

/**
 * The consent services over the test app's own database and clock, as a
 * feature would hold them, to call `require` directly.
 */
export function consentCoreOf(t: TestApp): Promise<ConsentCore> {
  return buildConsentCore(
    t.db.db,
    {
      edition: editions[t.config.edition],
      controller: t.config.controller,
      publicUrl: t.config.publicUrl,
      receiptSigningKey: t.config.receiptSigningKey,
      dataDir: t.config.dataDir,
    },
    t.clock,
    uuidV7Generator(t.clock),
  );
}
