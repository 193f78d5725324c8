import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import fs from 'node:fs';
import { it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { describeEachDialect, useTestApp, type TestApp } from '../../../test/harness';
import { bearer, errorId, registerUser } from '../../../test/factories';
import { consentCoreOf } from '../../../test/privacy';

// The repository's copy of the standard (shared/standards/), so CI needs nothing else.
const schema = JSON.parse(
  fs.readFileSync(new URL('./kantara-consent-receipt-v1_1-schema.json', import.meta.url), 'utf8'),
) as object;
const validator = new Ajv({ strict: false, allErrors: true }).compile(schema);
/** What the real JSON Schema validator finds wrong with a value; empty when it is valid. */
const schemaErrors = (value: unknown) => (validator(value) ? [] : validator.errors);

type Grant = Awaited<ReturnType<typeof registerUser>>;

const getReceipt = (t: TestApp, user: Grant, recordId: string, lang = 'en') =>
  t.request({
    method: 'GET',
    url: `/api/privacy/consents/${recordId}/receipt?lang=${lang}`,
    headers: bearer(user.token),
  });

async function grant(t: TestApp, user: Grant, purpose: string): Promise<string> {
  const response = await t.request({
    method: 'PUT',
    url: `/api/privacy/consents/${purpose}`,
    headers: bearer(user.token),
    payload: { granted: true },
  });
  assert.equal(response.statusCode, 200, response.body);
  return response.json().recordId;
}

/** Verifies a compact JWS with the key the server publishes; returns header and payload. */
async function verifyJws(t: TestApp, jws: string) {
  const jwk = (
    await t.request({ method: 'GET', url: '/.well-known/carillon-receipt-key.json' })
  ).json();
  const [header, payload, signature] = jws.split('.') as [string, string, string];
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  const valid = verify(
    null,
    Buffer.from(`${header}.${payload}`),
    key,
    Buffer.from(signature, 'base64url'),
  );
  const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  return { valid, jwk, header: decode(header), payload: decode(payload) };
}

describeEachDialect('consent receipts (Kantara v1.1, signed)', (dialect) => {
  const t = useTestApp(dialect, {
    env: {
      CONTROLLER_NAME: 'Harbour Works Pte Ltd',
      CONTROLLER_EMAIL: 'privacy@harbour.example',
      PUBLIC_URL: 'https://chat.harbour.example/',
    },
  });

  it('exports a grant as a receipt that validates against the schema, signed verifiably', async () => {
    const user = await registerUser(t());
    const recordId = await grant(t(), user, 'location');
    const response = await getReceipt(t(), user, recordId);
    assert.equal(response.statusCode, 200);
    const { receipt, jws } = response.json();
    assert.deepEqual(schemaErrors(receipt), []);
    assert.equal(receipt.version, 'KI-CR-v1.1.0');
    assert.equal(receipt.jurisdiction, 'SG');
    assert.equal(receipt.consentReceiptID, recordId);
    assert.equal(receipt.piiPrincipalId, user.userId);
    assert.equal(receipt.consentTimestamp, Math.floor(t().clock.now() / 1000));
    assert.equal(receipt.policyUrl, 'https://chat.harbour.example/api/policies/1');
    assert.equal(receipt.piiControllers[0].piiController, 'Harbour Works Pte Ltd');
    assert.equal(receipt.piiControllers[0].email, 'privacy@harbour.example');
    assert.equal(receipt.sensitive, true);
    assert.deepEqual(receipt.spiCat, ['user.location.precise']);
    assert.deepEqual(receipt.services[0].purposes[0].purposeCategory, ['functional.service']);
    // The validator is real: a receipt missing a required member fails it.
    const { spiCat: _spiCat, ...incomplete } = receipt;
    assert.notDeepEqual(schemaErrors(incomplete), []);

    const checked = await verifyJws(t(), jws);
    assert.equal(checked.valid, true);
    assert.deepEqual(checked.payload, receipt);
    assert.equal(checked.header.alg, 'EdDSA');
    assert.equal(checked.header.kid, checked.jwk.kid);
  });

  it('exports the policy acceptance made at sign-up, covering the basic functions', async () => {
    const user = await registerUser(t());
    const history = await t().request({
      method: 'GET',
      url: '/api/privacy/consents/history',
      headers: bearer(user.token),
    });
    const [acceptance] = history.json().records;
    const response = await getReceipt(t(), user, acceptance.id, 'zh-CN');
    const { receipt, jws } = response.json();
    assert.deepEqual(schemaErrors(receipt), []);
    assert.equal(receipt.language, 'zh-CN');
    assert.equal(receipt.sensitive, false);
    assert.ok(
      receipt.services[0].purposes.every((p: { primaryPurpose: boolean }) => p.primaryPurpose),
    );
    assert.equal((await verifyJws(t(), jws)).valid, true);
  });

  it('detects a receipt altered after signing', async () => {
    const user = await registerUser(t());
    const { jws } = (await getReceipt(t(), user, await grant(t(), user, 'calendar'))).json();
    const [header, payload, signature] = jws.split('.');
    const altered = JSON.parse(Buffer.from(payload, 'base64url').toString());
    altered.piiPrincipalId = 'someone-else';
    const forged = `${header}.${Buffer.from(JSON.stringify(altered)).toString('base64url')}.${signature}`;
    assert.equal((await verifyJws(t(), forged)).valid, false);
  });

  it("answers 404 for a withdrawal, someone else's grant and an unknown id; 400 for a bad id", async () => {
    const owner = await registerUser(t());
    const other = await registerUser(t());
    const recordId = await grant(t(), owner, 'health');
    assert.equal((await getReceipt(t(), other, recordId)).statusCode, 404);
    const withdrawn = await t().request({
      method: 'PUT',
      url: '/api/privacy/consents/health',
      headers: bearer(owner.token),
      payload: { granted: false },
    });
    assert.equal((await getReceipt(t(), owner, withdrawn.json().recordId)).statusCode, 404);
    const unknown = await getReceipt(t(), owner, '0190a0d0-0000-7000-8000-000000000000');
    assert.equal(errorId(unknown), 'not_found');
    assert.equal((await getReceipt(t(), owner, 'not-a-uuid')).statusCode, 400);
    const unsigned = await t().request({
      method: 'GET',
      url: `/api/privacy/consents/${recordId}/receipt`,
    });
    assert.equal(unsigned.statusCode, 401);
  });

  it('keeps its receipt key across restarts of the same data directory', async () => {
    const first = (
      await t().request({ method: 'GET', url: '/.well-known/carillon-receipt-key.json' })
    ).json();
    const again = (await consentCoreOf(t())).receipts.publicKey();
    assert.deepEqual(again, first);
    assert.deepEqual(Object.keys(first).sort(), ['alg', 'crv', 'kid', 'kty', 'use', 'x']);
  });
});
