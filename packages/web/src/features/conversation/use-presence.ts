import type { PresenceFrame } from '@carillon/protocol/realtime';
import { useEffect, useState } from 'react';
import { useConnectionState, useRealtime } from '../../realtime/realtime-context';

/**
 * Watches one person's presence while the view is open: asks on every
 * (re)connect (a watch list lives as long as the socket) and keeps the
 * newest `presence` frame about them.
 */
export function usePresence(userId: string | null): PresenceFrame | null {
  const client = useRealtime();
  const state = useConnectionState();
  const [presence, setPresence] = useState<PresenceFrame | null>(null);
  useEffect(() => {
    if (!client || !userId) return;
    return client.onFrame((frame) => {
      if (frame.type === 'presence' && frame.userId === userId) setPresence(frame);
    });
  }, [client, userId]);
  useEffect(() => {
    if (!client || !userId || state !== 'online') return;
    client.send({ type: 'presence.watch', userIds: [userId] });
    return () => {
      client.send({ type: 'presence.watch', userIds: [] });
    };
  }, [client, userId, state]);
  return presence;
}
