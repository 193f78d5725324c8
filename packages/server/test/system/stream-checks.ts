import assert from 'node:assert/strict';
import type { Message, UserEvent } from '@carillon/protocol/messaging';

/** Fails unless seqs run 1..n with no gap and no repeat, and no clientId is stored twice. */
export function assertGaplessOnce(history: Message[]): void {
  assert.deepEqual(
    history.map((m) => m.seq),
    Array.from({ length: history.length }, (_, i) => i + 1),
    'seqs run 1..n without gaps',
  );
  const clientIds = history.map((m) => m.clientId);
  assert.equal(new Set(clientIds).size, clientIds.length, 'no clientId is stored twice');
}

/** Fails unless the stream's cursors rise strictly from above `after`: in log order, nothing repeated. */
export function assertInLogOrder(events: UserEvent[], after = 0): void {
  const cursors = events.map((e) => e.cursor);
  assert.ok(
    cursors.every((cursor, i) => cursor > (i === 0 ? after : cursors[i - 1]!)),
    `cursors rise: ${cursors.slice(0, 20).join(', ')}…`,
  );
}

/** The seqs of a conversation's `message.created` events, in stream order. */
export function createdSeqs(events: UserEvent[], conversationId: string): number[] {
  return events
    .filter((e) => e.type === 'message.created' && e.payload.conversationId === conversationId)
    .map((e) => e.payload.seq as number);
}

/** Fails unless the stream announces every message of `history` exactly once, and nothing else. */
export function assertEveryMessageAnnounced(
  events: UserEvent[],
  conversationId: string,
  history: Message[],
): void {
  const announced = createdSeqs(events, conversationId).sort((a, b) => a - b);
  assert.deepEqual(
    announced,
    history.map((m) => m.seq),
    'one message.created per stored message',
  );
}
