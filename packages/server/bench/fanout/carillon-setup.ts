import { expectStatus, type HttpClient } from '../http-client';
import type { SeededAccount } from './seed-accounts';

/** Joins in flight while filling a group; SQLite serializes the writes anyway. */
const JOIN_CONCURRENCY = 4;

const bearer = (account: SeededAccount) => ({ authorization: `Bearer ${account.token}` });

async function postJson<T>(
  http: HttpClient,
  as: SeededAccount,
  path: string,
  json: unknown,
  status: number,
): Promise<T> {
  const response = await expectStatus(
    http.request('POST', path, { headers: bearer(as), json }),
    status,
    `POST ${path}`,
  );
  return (response.text ? JSON.parse(response.text) : undefined) as T;
}

async function inParallel<T>(items: T[], limit: number, each: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await each(items[next++]!);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

/** A group owned by the first account, the others joined by its invite link, as people would. */
export async function createGroup(http: HttpClient, members: SeededAccount[]): Promise<string> {
  const [owner, ...others] = members;
  const { id } = await postJson<{ id: string }>(
    http,
    owner!,
    '/api/conversations',
    { name: 'Fan-out' },
    201,
  );
  const { token } = await postJson<{ token: string }>(
    http,
    owner!,
    `/api/conversations/${id}/invites`,
    {},
    201,
  );
  await inParallel(others, JOIN_CONCURRENCY, async (member) => {
    await postJson(http, member, '/api/conversations/join', { token }, 200);
  });
  return id;
}

/** `b` shows a QR code, `a` scans it, `b` accepts: a friendship, which a one-to-one chat needs. */
async function befriend(http: HttpClient, a: SeededAccount, b: SeededAccount): Promise<void> {
  const qr = await expectStatus(
    http.request('POST', '/api/contacts/qr', { headers: bearer(b) }),
    200,
    'QR code',
  );
  const { token } = JSON.parse(qr.text) as { token: string };
  await postJson(http, a, '/api/contacts/qr/redeem', { token }, 202);
  const requests = await expectStatus(
    http.request('GET', '/api/contacts/requests', { headers: bearer(b) }),
    200,
    'friend requests',
  );
  const { incoming } = JSON.parse(requests.text) as { incoming: Array<{ id: string }> };
  await postJson(http, b, `/api/contacts/requests/${incoming[0]!.id}/accept`, undefined, 204);
}

/** The one-to-one chat of two accounts, opened by the first once they are friends. */
export async function openDirectChat(
  http: HttpClient,
  a: SeededAccount,
  b: SeededAccount,
): Promise<string> {
  await befriend(http, a, b);
  const chat = await postJson<{ id: string }>(
    http,
    a,
    '/api/conversations/direct',
    { userId: b.userId },
    200,
  );
  return chat.id;
}
