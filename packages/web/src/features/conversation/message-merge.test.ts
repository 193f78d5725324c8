import type { Message } from '@carillon/protocol/messaging';
import { describe, expect, it } from 'vitest';
import { mergeMessages, recallMessage, type MessageState } from './message-merge';

const message = (seq: number, clientId: string): Message => ({
  id: `01900000-0000-7000-8000-00000000000${seq}`,
  conversationId: '01900000-0000-7000-8000-0000000000aa',
  seq,
  clientId,
  senderId: null,
  kind: 'text',
  text: `m${seq}`,
  caption: null,
  file: null,
  durationMs: null,
  location: null,
  mentions: [],
  mentionAll: false,
  replyTo: null,
  forwarded: false,
  recalled: false,
  createdAt: seq,
});

describe('mergeMessages', () => {
  it('keeps one copy per seq in order and retires the pending send with the same client id', () => {
    const state: MessageState = {
      messages: [message(2, 'b')],
      pending: [
        {
          clientId: 'c',
          body: { clientId: 'c', text: 'x' } as never,
          status: 'sending',
          progress: 0,
          createdAt: 0,
        },
      ],
    };
    const merged = mergeMessages(state, [message(3, 'c'), message(1, 'a'), message(2, 'b')]);
    expect(merged.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(merged.pending).toEqual([]);
  });

  it('leaves a placeholder for a recalled message', () => {
    const recalled = recallMessage({ messages: [message(1, 'a')], pending: [] }, 1);
    expect(recalled.messages[0]).toMatchObject({ recalled: true, text: null });
  });
});
