import type { PresenceFrame } from '@carillon/protocol/realtime';
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

/**
 * The positions of a person's events after `after`, read straight from the
 * log's tables: their own rows, and their conversations' rows after they
 * joined. Tests compare what a client received with this.
 */
export async function eventPositions(t: TestApp, userId: string, after = 0): Promise<number[]> {
  const rows = await t.db.db
    .selectFrom('events')
    .select('position')
    .where('position', '>', after)
    .where((eb) =>
      eb.or([
        eb('user_id', '=', userId),
        eb.exists(
          eb
            .selectFrom('conversation_members as m')
            .select('m.user_id')
            .whereRef('m.conversation_id', '=', 'events.conversation_id')
            .where('m.user_id', '=', userId)
            .whereRef('m.joined_position', '<', 'events.position'),
        ),
      ]),
    )
    .orderBy('position')
    .execute();
  return rows.map((row) => Number(row.position));
}

/** The position of a person's newest event (0 before their first). */
export async function newestCursor(t: TestApp, userId: string): Promise<number> {
  return (await eventPositions(t, userId)).at(-1) ?? 0;
}

/** Asserts the cursors are exactly the person's events after `after`: none lost, none repeated. */
export async function assertEveryEvent(
  t: TestApp,
  userId: string,
  cursors: number[],
  after = 0,
): Promise<void> {
  assert.deepEqual(cursors, await eventPositions(t, userId, after));
}

/** The event log's newest position, whoever its event was for. */
export async function headOfLog(t: TestApp): Promise<number> {
  const row = await t.db.db
    .selectFrom('event_log_head')
    .select('position')
    .executeTakeFirstOrThrow();
  return Number(row.position);
}

/** The presence frames a watcher got for one person, in order. */
export const presenceOf = (watcher: RealtimeClient, userId: string) =>
  watcher.frames.filter((f): f is PresenceFrame => f.type === 'presence' && f.userId === userId);

/** Waits for the watcher's `count`-th presence frame about `userId` and returns it. */
export async function nthPresence(watcher: RealtimeClient, userId: string, count: number) {
  await watcher.waitFor(() => presenceOf(watcher, userId).length >= count);
  return presenceOf(watcher, userId)[count - 1]!;
}
