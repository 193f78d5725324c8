import type { Message, SendMessageBody } from '@carillon/protocol/messaging';

/** A message this device is sending: shown at once, replaced by the server's copy. */
export interface PendingMessage {
  clientId: string;
  body: SendMessageBody;
  status: 'uploading' | 'sending' | 'failed';
  /** Upload progress 0…1 for attachments. */
  progress: number;
  /** For an attachment still to upload: the file picked. */
  file?: File;
  createdAt: number;
}

/** What a conversation view shows: stored messages by seq and this device's pending sends. */
export interface MessageState {
  messages: Message[];
  pending: PendingMessage[];
}

/**
 * Adds messages from any source (history page, live fetch, a send's answer),
 * keyed by seq so nothing shows twice, and drops pending sends the server now
 * has (same clientId): an optimistic message and its stored copy never both show.
 */
export function mergeMessages(state: MessageState, incoming: Message[]): MessageState {
  if (incoming.length === 0) return state;
  const bySeq = new Map(state.messages.map((m) => [m.seq, m]));
  for (const message of incoming) bySeq.set(message.seq, message);
  const messages = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  const stored = new Set(messages.map((m) => m.clientId));
  return { messages, pending: state.pending.filter((p) => !stored.has(p.clientId)) };
}

/** Marks a stored message recalled: its content is gone, the placeholder stays. */
export function recallMessage(state: MessageState, seq: number): MessageState {
  return {
    ...state,
    messages: state.messages.map((m) =>
      m.seq === seq
        ? { ...m, recalled: true, text: null, caption: null, file: null, location: null }
        : m,
    ),
  };
}

/** Changes one pending send. */
export function updatePending(
  state: MessageState,
  clientId: string,
  change: Partial<PendingMessage>,
): MessageState {
  return {
    ...state,
    pending: state.pending.map((p) => (p.clientId === clientId ? { ...p, ...change } : p)),
  };
}

/** The newest stored seq, 0 when empty. */
export function newestSeq(state: MessageState): number {
  return state.messages.at(-1)?.seq ?? 0;
}
