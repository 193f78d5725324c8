import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { bearer } from './factories';
import type { TestApp } from './harness';

/** A signed-in test user, as the contacts tests need one. */
export interface ContactsUser {
  userId: string;
  token: string;
  phone: string;
}

/** A bearer-token request as `user`. */
export function as(t: TestApp, user: ContactsUser, options: InjectOptions) {
  return t.request({ ...options, headers: { ...bearer(user.token), ...options.headers } });
}

/** Turns `user`'s discoverability switches to the given values. */
export async function setDiscoverable(
  t: TestApp,
  user: ContactsUser,
  discoverableBy: { phone?: boolean; email?: boolean },
): Promise<void> {
  const response = await as(t, user, {
    method: 'PATCH',
    url: '/api/contacts/settings',
    payload: { discoverableBy },
  });
  assert.equal(response.statusCode, 200, response.body);
}

/** The ids of the requests waiting for `user`'s answer. */
export async function incomingRequests(
  t: TestApp,
  user: ContactsUser,
): Promise<{ id: string; profile: { userId: string } }[]> {
  const response = await as(t, user, { method: 'GET', url: '/api/contacts/requests' });
  assert.equal(response.statusCode, 200, response.body);
  return response.json().incoming;
}

/** Makes two users friends through a QR code `b` shows and `a` scans. */
export async function befriend(t: TestApp, a: ContactsUser, b: ContactsUser): Promise<void> {
  const qr = await as(t, b, { method: 'POST', url: '/api/contacts/qr' });
  const sent = await as(t, a, {
    method: 'POST',
    url: '/api/contacts/qr/redeem',
    payload: { token: qr.json().token },
  });
  assert.equal(sent.statusCode, 202, sent.body);
  const [request] = await incomingRequests(t, b);
  assert.ok(request, 'the request arrived');
  const accepted = await as(t, b, {
    method: 'POST',
    url: `/api/contacts/requests/${request.id}/accept`,
  });
  assert.equal(accepted.statusCode, 204, accepted.body);
}

/** The user ids on `user`'s friend list. */
export async function friendIds(t: TestApp, user: ContactsUser): Promise<string[]> {
  const response = await as(t, user, { method: 'GET', url: '/api/contacts' });
  assert.equal(response.statusCode, 200, response.body);
  return (response.json().contacts as { profile: { userId: string } }[]).map(
    (c) => c.profile.userId,
  );
}
