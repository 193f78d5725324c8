import { useEffect, useRef } from 'react';
import type { UserEvent } from '@carillon/protocol/messaging';
import { useRealtime } from './realtime-context';

/**
 * Calls `onEvent` for every event of the caller's stream and `onResync`
 * after every (re)connect's catch-up, when views should re-read what they show.
 */
export function useStream(onEvent: (event: UserEvent) => void, onResync?: () => void): void {
  const client = useRealtime();
  const handlers = useRef({ onEvent, onResync });
  useEffect(() => {
    handlers.current = { onEvent, onResync };
  });
  useEffect(() => {
    if (!client) return;
    return client.onFrame((frame) => {
      if (frame.type === 'event') handlers.current.onEvent(frame.event);
      else if (frame.type === 'ready') handlers.current.onResync?.();
    });
  }, [client]);
}
