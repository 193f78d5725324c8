import assert from 'node:assert/strict';
import type { TestApp } from '../../../test/harness';
import { RealtimeClient, type ConnectOptions } from '../../../test/realtime-client';
import type { Person } from '../messaging/messaging.test-support';

/** Connects `who` and waits for `ready`. */
export async function connectReady(
  url: string,
  who: Person,
  options: Omit<ConnectOptions, 'token'> = {},
): Promise<RealtimeClient> {
  const client = await RealtimeClient.connect(url, { token: who.token, ...options });
  await client.waitFor((f) => f.type === 'ready');
  return client;
}

/** The newest cursor of a person's event stream, read from the database. */
export async function newestCursor(t: TestApp, userId: string): Promise<number> {
  const row = await t.db.db
    .selectFrom('event_cursors')
    .select('last_cursor')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(row?.last_cursor ?? 0);
}

/** Asserts the cursors are exactly `from`, `from + 1`, … `to`: none lost, none repeated. */
export function assertCursorRun(cursors: number[], from: number, to: number): void {
  assert.deepEqual(
    cursors,
    Array.from({ length: to - from + 1 }, (_, i) => from + i),
  );
}
