import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { Message, UserEvent } from '@carillon/protocol/messaging';
import type { Database } from '../../src/platform/db/schema';
import { bearer, device, newPhone, signUpTerms, strongPassword } from '../factories';

/** A person signed in on a server reached over real HTTP. */
export interface HttpPerson {
  userId: string;
  token: string;
}

/** An answer: status and parsed JSON body (undefined when empty). */
export interface HttpAnswer {
  status: number;
  body: unknown;
}

/** One request over HTTP (fetch keeps connections alive between calls). */
export async function request(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  options: { token?: string; body?: object } = {},
): Promise<HttpAnswer> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(options.token ? bearer(options.token) : {}),
      ...(options.body ? { 'content-type': 'application/json' } : {}),
    },
    ...(options.body ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** Like `request`, but fails the test unless the status is `expected`. */
async function expectStatus(
  expected: number,
  ...args: Parameters<typeof request>
): Promise<unknown> {
  const answer = await request(...args);
  assert.equal(answer.status, expected, `${args[1]} ${args[2]}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** The register code the outbox holds for `phone`, waiting up to five seconds for it. */
async function outboxCode(db: Kysely<Database>, phone: string): Promise<string> {
  for (let waited = 0; waited <= 5_000; waited += 25) {
    const row = await db
      .selectFrom('outbox')
      .select('body')
      .where('destination', '=', phone)
      .executeTakeFirst();
    const code = row && /\b(\d{6})\b/.exec(row.body)?.[1];
    if (code) return code;
    await sleep(25);
  }
  throw new Error(`no code reached the outbox for ${phone}`);
}

/** Registers a new account over HTTP, reading the code from the outbox table as an operator would. */
export async function registerOverHttp(baseUrl: string, db: Kysely<Database>): Promise<HttpPerson> {
  const phone = newPhone();
  await expectStatus(202, baseUrl, 'POST', '/api/auth/codes', {
    body: { purpose: 'register', phone },
  });
  const policies = (await expectStatus(200, baseUrl, 'GET', '/api/policies')) as {
    currentVersion: number;
  };
  const grant = (await expectStatus(201, baseUrl, 'POST', '/api/auth/register', {
    body: {
      phone,
      code: await outboxCode(db, phone),
      password: strongPassword,
      nickname: 'Sender',
      device,
      acceptPolicyVersion: policies.currentVersion,
      birthYear: signUpTerms.birthYear,
    },
  })) as HttpPerson;
  return { userId: grant.userId, token: grant.token };
}

/** Makes a group owned by `owner` that `members` join by invite link; returns its id. */
export async function groupOverHttp(
  baseUrl: string,
  owner: HttpPerson,
  members: HttpPerson[],
): Promise<string> {
  const group = (await expectStatus(201, baseUrl, 'POST', '/api/conversations', {
    token: owner.token,
    body: { name: 'Burst' },
  })) as { id: string };
  const invite = (await expectStatus(
    201,
    baseUrl,
    'POST',
    `/api/conversations/${group.id}/invites`,
    {
      token: owner.token,
      body: {},
    },
  )) as { token: string };
  for (const member of members)
    await expectStatus(200, baseUrl, 'POST', '/api/conversations/join', {
      token: member.token,
      body: { token: invite.token },
    });
  return group.id;
}

/** A conversation's whole history as `who` sees it, oldest first. */
export async function wholeHistory(
  baseUrl: string,
  who: HttpPerson,
  conversationId: string,
): Promise<Message[]> {
  const pages: Message[][] = [];
  for (let before: number | undefined; ;) {
    const query = `limit=100${before === undefined ? '' : `&before=${before}`}`;
    const page = (await expectStatus(
      200,
      baseUrl,
      'GET',
      `/api/conversations/${conversationId}/messages?${query}`,
      { token: who.token },
    )) as { messages: Message[] };
    if (page.messages.length === 0) break;
    pages.push(page.messages);
    before = page.messages.at(-1)!.seq;
    if (before <= 1) break;
  }
  return pages.flat().reverse();
}

/** Every event of `who`'s stream after `after`, oldest first. */
export async function wholeEventLog(
  baseUrl: string,
  who: HttpPerson,
  after = 0,
): Promise<UserEvent[]> {
  const events: UserEvent[] = [];
  for (let cursor = after; ;) {
    const page = (await expectStatus(200, baseUrl, 'GET', `/api/events?after=${cursor}&limit=500`, {
      token: who.token,
    })) as { events: UserEvent[]; nextCursor: number };
    if (page.events.length === 0) return events;
    events.push(...page.events);
    cursor = page.nextCursor;
  }
}
