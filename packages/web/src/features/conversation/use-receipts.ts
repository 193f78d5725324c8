import { Receipts, type Message } from '@carillon/protocol/messaging';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useServices } from '../../app/services';
import { useStream } from '../../realtime/use-stream';

/** Read receipts are fetched for this many of the newest own messages. */
const TRACKED = 30;

/**
 * Who has read the caller's own messages: fetched per message from
 * `/receipts`, then moved along live by `receipt.updated` events (a member's
 * read position covers every message up to it).
 */
export function useReceipts(conversationId: string, messages: Message[], myId: string) {
  const { api } = useServices();
  const [receipts, setReceipts] = useState<Map<number, Receipts>>(new Map());
  const requested = useRef(new Set<number>());
  const base = `/api/conversations/${conversationId}`;

  const load = useCallback(
    (seqs: number[]) => {
      for (const seq of seqs) {
        requested.current.add(seq);
        api
          .get(`${base}/messages/${seq}/receipts`, { schema: Receipts })
          .then((r) => setReceipts((current) => new Map(current).set(seq, r)))
          .catch(() => requested.current.delete(seq));
      }
    },
    [api, base],
  );

  useEffect(() => {
    requested.current = new Set();
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
      setReceipts((current) => {
        const next = new Map(current);
        for (const [seq, r] of current) {
          if (seq > readSeq || !r.unreadBy.includes(reader)) continue;
          next.set(seq, {
            ...r,
            readBy: [...r.readBy, reader],
            unreadBy: r.unreadBy.filter((id) => id !== reader),
            readCount: r.readCount + 1,
            unreadCount: r.unreadCount - 1,
            ...(r.status ? { status: 'read' as const } : {}),
          });
        }
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
