import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Conversation, Message } from '@carillon/protocol/messaging';
import type { TestApp } from '../../../test/harness';
import { bearer, registerUser } from '../../../test/factories';

/** A signed-in test user. */
export interface Person {
  userId: string;
  token: string;
}

/** Calls the API as a person and returns the response. */
export function call(
  t: TestApp,
  who: Person,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) {
  return t.request({ method, url, headers: bearer(who.token), ...(payload ? { payload } : {}) });
}

/** Registers people. */
export async function people(t: TestApp, count: number): Promise<Person[]> {
  const made: Person[] = [];
  for (let i = 0; i < count; i++) made.push(await registerUser(t));
  return made;
}

/** Creates a group owned by `owner` with `members` joined by invite link. */
export async function groupWith(t: TestApp, owner: Person, members: Person[] = []) {
  const created = await call(t, owner, 'POST', '/api/conversations', { name: 'Team' });
  assert.equal(created.statusCode, 201, created.body);
  const group = created.json() as Conversation;
  const invite = await call(t, owner, 'POST', `/api/conversations/${group.id}/invites`, {});
  assert.equal(invite.statusCode, 201, invite.body);
  const token = (invite.json() as { token: string }).token;
  for (const member of members) {
    const joined = await call(t, member, 'POST', '/api/conversations/join', { token });
    assert.equal(joined.statusCode, 200, joined.body);
  }
  return { id: group.id, token };
}

/** Sends a text and returns the message. */
export async function send(
  t: TestApp,
  who: Person,
  conversationId: string,
  text: string,
  extra: object = {},
): Promise<Message> {
  const response = await call(t, who, 'POST', `/api/conversations/${conversationId}/messages`, {
    clientId: randomUUID(),
    text,
    ...extra,
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json() as Message;
}

/** Reads history with a query string and returns the seqs, newest first. */
export async function seqs(t: TestApp, who: Person, conversationId: string, query = '') {
  const response = await call(
    t,
    who,
    'GET',
    `/api/conversations/${conversationId}/messages${query}`,
  );
  assert.equal(response.statusCode, 200, response.body);
  return (response.json() as { messages: Message[] }).messages.map((m) => m.seq);
}
