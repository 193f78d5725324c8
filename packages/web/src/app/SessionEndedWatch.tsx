import { useEffect } from 'react';
import { useConnectionState } from '../realtime/realtime-context';
import { useSession } from '../session/session-context';

/**
 * When the gateway closes with "session ended" (4001: signed out remotely,
 * frozen, cancelled), re-reads the account; its 401 returns to sign-in.
 */
export function SessionEndedWatch() {
  const state = useConnectionState();
  const { refresh } = useSession();
  useEffect(() => {
    if (state === 'ended') refresh().catch(() => undefined);
  }, [state, refresh]);
  return null;
}
