import { randomInt } from 'node:crypto';
import { expectStatus, type HttpClient } from './http-client';
import type { CarillonServer } from './server';

const HOUR = 3_600_000;
/** Under the 20 codes per requester IP per hour of codeRules, with room to spare. */
const ACCOUNTS_PER_CLOCK_HOUR = 15;
const PASSWORD = 'quiet bells over the harbour';
const device = { name: 'Bench client', platform: 'api' } as const;
/** An adult accepting the policy version a fresh server publishes. */
const signUpTerms = { acceptPolicyVersion: 1, birthYear: 1990 } as const;

/**
 * Hands out distinct Singapore mobile numbers (+6591 and six digits) from a
 * random start, so the per-number cool-down never applies and reruns against
 * one PostgreSQL database rarely meet an existing account.
 */
export function phoneNumbers(): (index: number) => string {
  const start = randomInt(0, 1_000_000);
  return (index) => `+6591${String((start + index) % 1_000_000).padStart(6, '0')}`;
}

/** Reads the newest code sent to a number from the outbox, as an operator would. */
async function codeFromOutbox(server: CarillonServer, phone: string): Promise<string> {
  const row = await server.database.db
    .selectFrom('outbox')
    .select('body')
    .where('destination', '=', phone)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const code = /\b(\d{6})\b/.exec(row.body)?.[1];
  if (!code) throw new Error(`no code in outbox message "${row.body}"`);
  return code;
}

/**
 * One full sign-up over HTTP: request a code, read it, register, then log in
 * on a second device. Returns the login's bearer token.
 */
export async function registerAndLogIn(
  client: HttpClient,
  server: CarillonServer,
  phone: string,
  index: number,
): Promise<string> {
  // The injected clock moves past the hour window (its start is inclusive), so
  // the per-requester code limit is never reached.
  if (index > 0 && index % ACCOUNTS_PER_CLOCK_HOUR === 0) server.clock.advance(HOUR + 1);
  await expectStatus(
    client.request('POST', '/api/auth/codes', { json: { purpose: 'register', phone } }),
    202,
    'request code',
  );
  const code = await codeFromOutbox(server, phone);
  await expectStatus(
    client.request('POST', '/api/auth/register', {
      json: { phone, code, password: PASSWORD, nickname: `Bench ${index}`, device, ...signUpTerms },
    }),
    201,
    'register',
  );
  const login = await expectStatus(
    client.request('POST', '/api/auth/login', { json: { phone, password: PASSWORD, device } }),
    200,
    'log in',
  );
  return (JSON.parse(login.text) as { token: string }).token;
}
