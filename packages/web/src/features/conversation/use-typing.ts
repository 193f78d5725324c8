import { useCallback, useEffect, useRef, useState } from 'react';
import { useRealtime } from '../../realtime/realtime-context';

/** How long a typing notice lasts without a new one. */
const SHOW_MS = 5000;
/** The server takes one typing frame per 3 s per conversation. */
const SEND_EVERY_MS = 3000;

/**
 * Typing in a conversation: who else is typing right now (from `typing`
 * frames, until their message arrives or the notice runs out), and
 * `notifyTyping` to tell the others, throttled.
 */
export function useTyping(conversationId: string, now: () => number) {
  const client = useRealtime();
  const [typing, setTyping] = useState<string[]>([]);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const lastSent = useRef(0);

  useEffect(() => {
    if (!client) return;
    const active = timers.current;
    const stop = (userId: string) => {
      clearTimeout(active.get(userId));
      active.delete(userId);
      setTyping((current) => current.filter((id) => id !== userId));
    };
    const off = client.onFrame((frame) => {
      if (frame.type === 'event') {
        // Someone's message arrived: they are no longer typing.
        const { type, payload } = frame.event;
        if (type === 'message.created' && payload.conversationId === conversationId)
          stop(String(payload.senderId));
        return;
      }
      if (frame.type !== 'typing' || frame.conversationId !== conversationId) return;
      const { userId } = frame;
      clearTimeout(active.get(userId));
      setTyping((current) => (current.includes(userId) ? current : [...current, userId]));
      active.set(
        userId,
        setTimeout(() => stop(userId), SHOW_MS),
      );
    });
    return () => {
      off();
      for (const timer of active.values()) clearTimeout(timer);
      active.clear();
      setTyping([]);
    };
  }, [client, conversationId]);

  const notifyTyping = useCallback(() => {
    const at = now();
    if (at - lastSent.current < SEND_EVERY_MS) return;
    if (client?.send({ type: 'typing', conversationId })) lastSent.current = at;
  }, [client, conversationId, now]);

  return { typing, notifyTyping };
}
