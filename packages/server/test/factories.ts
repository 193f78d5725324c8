import { randomInt } from 'node:crypto';
import type { SessionGrant } from '@carillon/protocol/auth';
import type { TestApp } from './harness';

/** A fresh Singapore mobile number from ranges libphonenumber holds valid. */
export function newPhone(): string {
  const prefix = ['81', '88', '90', '91', '92', '93', '96', '97', '98'][randomInt(0, 9)];
  return `+65${prefix}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}

export const strongPassword = 'correct horse battery staple';
export const device = { name: 'Test laptop', platform: 'web' } as const;

/** Sign-up terms of an adult accepting policy version 1, the version a fresh server publishes. */
export const signUpTerms = { acceptPolicyVersion: 1, birthYear: 1990 } as const;

/** The policy version a server currently asks people to accept. */
export async function currentPolicyVersion(t: TestApp): Promise<number> {
  const response = await t.request({ method: 'GET', url: '/api/policies' });
  if (response.statusCode !== 200) throw new Error(`no policy: ${response.body}`);
  return (response.json() as { currentVersion: number }).currentVersion;
}

/** The newest code the outbox holds for a destination, read as an operator would. */
export async function latestCode(t: TestApp, destination?: string): Promise<string> {
  let query = t.db.db.selectFrom('outbox').select('body');
  if (destination) query = query.where('destination', '=', destination);
  const row = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const code = /\b(\d{6})\b/.exec(row.body)?.[1];
  if (!code) throw new Error(`no code in "${row.body}"`);
  return code;
}

async function outboxSize(t: TestApp): Promise<number> {
  const row = await t.db.db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Asks for a code and returns it, advancing the clock past the resend
 * cool-down. Reset and unfreeze codes are delivered after the answer, so this
 * waits (at most two seconds) for the message to reach the outbox.
 */
export async function requestCode(
  t: TestApp,
  to: { phone: string } | { email: string },
  purpose = 'register',
): Promise<string> {
  const before = await outboxSize(t);
  const response = await t.request({
    method: 'POST',
    url: '/api/auth/codes',
    payload: { purpose, ...to },
  });
  if (response.statusCode !== 202) throw new Error(`code request failed: ${response.body}`);
  for (let waited = 0; (await outboxSize(t)) === before; waited += 10) {
    if (waited >= 2_000) throw new Error('the code never reached the outbox');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  t.clock.advance(61_000);
  // The outbox holds the normalized destination, so match exact E.164 or e-mail input only.
  const given = 'phone' in to ? to.phone : to.email;
  return latestCode(t, /^\+\d+$|@/.test(given) ? given : undefined);
}

/** Registers a new account through the API; returns its grant and identity. */
export async function registerUser(
  t: TestApp,
  overrides: { phone?: string; password?: string; nickname?: string; birthYear?: number } = {},
): Promise<SessionGrant & { phone: string; password: string }> {
  const phone = overrides.phone ?? newPhone();
  const password = overrides.password ?? strongPassword;
  const code = await requestCode(t, { phone });
  const response = await t.request({
    method: 'POST',
    url: '/api/auth/register',
    payload: {
      phone,
      code,
      password,
      nickname: overrides.nickname ?? 'Mei',
      device,
      acceptPolicyVersion: await currentPolicyVersion(t),
      birthYear: overrides.birthYear ?? signUpTerms.birthYear,
    },
  });
  if (response.statusCode !== 201) throw new Error(`registration failed: ${response.body}`);
  return { ...(response.json() as SessionGrant), phone, password };
}

/** Signs `user` in again on another device; a new session of theirs. */
export async function signInOn(
  t: TestApp,
  user: { phone: string; password: string },
  device: { name: string; platform: string } = { name: 'Phone', platform: 'ios' },
): Promise<SessionGrant> {
  const response = await t.request({
    method: 'POST',
    url: '/api/auth/login',
    payload: { phone: user.phone, password: user.password, device },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
  return response.json() as SessionGrant;
}

/** Headers for a bearer-token request. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The error id of a JSON error response. */
export const errorId = (response: { json(): unknown }) =>
  (response.json() as { error: { id: string } }).error.id;
