import { Receipts, type Message } from '@carillon/protocol/messaging';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useServices } from '../../app/services';
import { useStream } from '../../realtime/use-stream';

/** Read receipts are fetched for this many of the newest own messages. */
const TRACKED = 30;

/** `receipts` with `readers` moved from unread to read. */
function markRead(receipts: Receipts, readers: string[]): Receipts {
  const moving = receipts.unreadBy.filter((id) => readers.includes(id));
  if (moving.length === 0) return receipts;
  return {
    ...receipts,
    readBy: [...receipts.readBy, ...moving],
    unreadBy: receipts.unreadBy.filter((id) => !moving.includes(id)),
    readCount: receipts.readCount + moving.length,
    unreadCount: receipts.unreadCount - moving.length,
    ...(receipts.status ? { status: 'read' as const } : {}),
  };
}

/**
 * Who has read the caller's own messages: fetched per message from
 * `/receipts`, then moved along live by `receipt.updated` events (a member's
 * read position covers every message up to it). A position heard while a
 * fetch was on its way also applies to its answer, which the server may have
 * read before that member read on.
 */
export function useReceipts(conversationId: string, messages: Message[], myId: string) {
  const { api } = useServices();
  const [receipts, setReceipts] = useState<Map<number, Receipts>>(new Map());
  const requested = useRef(new Set<number>());
  /** Each member's newest read position heard live in this conversation. */
  const heard = useRef(new Map<string, number>());
  const base = `/api/conversations/${conversationId}`;

  const load = useCallback(
    (seqs: number[]) => {
      for (const seq of seqs) {
        requested.current.add(seq);
        api
          .get(`${base}/messages/${seq}/receipts`, { schema: Receipts })
          .then((r) => {
            const readSince = [...heard.current]
              .filter(([, upTo]) => upTo >= seq)
              .map(([reader]) => reader);
            setReceipts((current) => new Map(current).set(seq, markRead(r, readSince)));
          })
          .catch(() => requested.current.delete(seq));
      }
    },
    [api, base],
  );

  useEffect(() => {
    requested.current = new Set();
    heard.current = new Map();
    setReceipts(new Map());
  }, [conversationId]);

  const mine = messages
    .filter((m) => m.senderId === myId && !m.recalled)
    .slice(-TRACKED)
    .map((m) => m.seq);
  const missingKey = mine.filter((seq) => !requested.current.has(seq)).join(',');
  useEffect(() => {
    if (missingKey) load(missingKey.split(',').map(Number));
  }, [missingKey, load]);

  useStream(
    (event) => {
      if (event.type !== 'receipt.updated' || event.payload.conversationId !== conversationId)
        return;
      const reader = String(event.payload.userId);
      const readSeq = Number(event.payload.readSeq);
      heard.current.set(reader, Math.max(readSeq, heard.current.get(reader) ?? 0));
      setReceipts((current) => {
        const next = new Map(current);
        for (const [seq, r] of current) if (seq <= readSeq) next.set(seq, markRead(r, [reader]));
        return next;
      });
    },
    () => {
      // After a reconnect, positions may have moved while away: fetch again.
      requested.current = new Set();
      load(mine);
    },
  );

  return receipts;
}
