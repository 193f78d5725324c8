import { ReadPosition } from '@carillon/protocol/messaging';
import { useEffect, useRef } from 'react';
import { useServices } from '../../app/services';

/**
 * Moves the caller's read position to the newest message shown while the page
 * is visible (a hidden tab reads nothing), and reports the new position.
 */
export function useMarkRead(
  conversationId: string,
  newest: number,
  onRead: (readSeq: number) => void,
): void {
  const { api } = useServices();
  const sent = useRef(0);
  const report = useRef(onRead);
  useEffect(() => {
    report.current = onRead;
  });
  useEffect(() => {
    sent.current = 0;
  }, [conversationId]);
  useEffect(() => {
    const mark = () => {
      if (document.visibilityState === 'hidden' || newest <= sent.current) return;
      sent.current = newest;
      api
        .post(`/api/conversations/${conversationId}/read`, {
          body: { seq: newest },
          schema: ReadPosition,
        })
        .then((position) => report.current(position.readSeq))
        .catch(() => {
          sent.current = 0;
        });
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [api, conversationId, newest]);
}
