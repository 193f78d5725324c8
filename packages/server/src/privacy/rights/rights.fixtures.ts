import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import type { CreateRightsRequestBody, RightsRequest } from '@carillon/protocol/rights';
import { bearer, latestCode, type registerUser } from '../../../test/factories';
import type { TestApp } from '../../../test/harness';

/** The operator every rights test app is started with. */
export const rightsOperator = { username: 'rights-ops', password: 'quiet lighthouse at dusk' };

/** Environment for a test app with that operator. */
export const operatorEnv = {
  OPERATOR_USERNAME: rightsOperator.username,
  OPERATOR_PASSWORD: rightsOperator.password,
};

/** A registered user: token, phone and password. */
export type TestUser = Awaited<ReturnType<typeof registerUser>>;

/** Signs the test operator in and returns its bearer token. */
export async function operatorToken(t: TestApp): Promise<string> {
  const response = await t.request({
    method: 'POST',
    url: '/api/operator/login',
    payload: rightsOperator,
  });
  assert.equal(response.statusCode, 200, response.body);
  return response.json().token as string;
}

/**
 * Submits a request and returns it with the code that was sent, moving the
 * clock past the code cool-down so the next request can send another.
 */
export async function submit(
  t: TestApp,
  user: TestUser,
  body: CreateRightsRequestBody,
): Promise<{ request: RightsRequest; code: string }> {
  const response = await t.request({
    method: 'POST',
    url: '/api/privacy/requests',
    headers: bearer(user.token),
    payload: body,
    // Codes are limited per address; tests share one process, so each asks from its own.
    remoteAddress: `198.51.100.${randomInt(1, 255)}`,
  });
  assert.equal(response.statusCode, 201, response.body);
  const code = await latestCode(t, user.phone);
  t.clock.advance(61_000);
  return { request: response.json().request as RightsRequest, code };
}

/** Confirms a request with the user's password and a code; returns the raw response. */
export function verify(t: TestApp, user: TestUser, id: string, code: string, password?: string) {
  return t.request({
    method: 'POST',
    url: `/api/privacy/requests/${id}/verify`,
    headers: bearer(user.token),
    payload: { password: password ?? user.password, code },
  });
}

/** Submits and verifies a request; returns the request as verification left it. */
export async function submitVerified(
  t: TestApp,
  user: TestUser,
  body: CreateRightsRequestBody,
): Promise<RightsRequest> {
  const { request, code } = await submit(t, user, body);
  const response = await verify(t, user, request.id, code);
  assert.equal(response.statusCode, 200, response.body);
  return response.json() as RightsRequest;
}

/** Reads one of the user's requests. */
export async function getRequest(t: TestApp, user: TestUser, id: string): Promise<RightsRequest> {
  const response = await t.request({
    method: 'GET',
    url: `/api/privacy/requests/${id}`,
    headers: bearer(user.token),
  });
  assert.equal(response.statusCode, 200, response.body);
  return response.json() as RightsRequest;
}

/** The operator queue, read with a stated purpose. */
export async function readQueue(t: TestApp, token: string): Promise<RightsRequest[]> {
  const response = await t.request({
    method: 'GET',
    url: '/api/operator/rights-requests?purpose=answer%20data-rights%20requests',
    headers: bearer(token),
  });
  assert.equal(response.statusCode, 200, response.body);
  return response.json().requests as RightsRequest[];
}

/** Audit actions recorded so far, oldest first. */
export async function auditActions(
  t: TestApp,
): Promise<{ action: string; purpose: string | null }[]> {
  return t.db.db
    .selectFrom('audit_entries')
    .select(['action', 'purpose'])
    .orderBy('seq', 'asc')
    .execute();
}
