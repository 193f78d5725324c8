import { createContext, useContext, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import {
  RealtimeClient,
  socketUrl,
  type ConnectionState,
  type RealtimeOptions,
} from './realtime-client';

const RealtimeContext = createContext<RealtimeClient | null>(null);

/** How the provider builds its client; tests hand in their own socket factory. */
export type RealtimeFactory = (userId: string) => RealtimeClient;

/** The real one: a socket to this page's server, with its own cursor (one per tab). */
export const browserRealtime: RealtimeFactory = () =>
  new RealtimeClient({
    url: (after) => socketUrl(window.location, after),
  } satisfies RealtimeOptions);

/**
 * Keeps one WebSocket open while `userId` is signed in. When the browser
 * reports the network gone the indicator says offline at once; when it is
 * back, the client reconnects without waiting out its backoff.
 */
export function RealtimeProvider({
  userId,
  factory = browserRealtime,
  children,
}: {
  userId: string;
  factory?: RealtimeFactory;
  children: ReactNode;
}) {
  // Made during render, started in an effect: children's effects run before their parent's, so
  // every useStream below has subscribed before the socket can deliver its first frame.
  const client = useMemo(() => factory(userId), [factory, userId]);
  useEffect(() => {
    client.start();
    const handleOffline = () => client.networkLost();
    const handleOnline = () => client.retryNow();
    window.addEventListener('offline', handleOffline);
    window.addEventListener('online', handleOnline);
    return () => {
      window.removeEventListener('offline', handleOffline);
      window.removeEventListener('online', handleOnline);
      client.stop();
    };
  }, [client]);
  return <RealtimeContext.Provider value={client}>{children}</RealtimeContext.Provider>;
}

/** The tab's real-time client, or null before it exists. */
export function useRealtime(): RealtimeClient | null {
  return useContext(RealtimeContext);
}

/** The connection state, re-rendering on every change. */
export function useConnectionState(): ConnectionState {
  const client = useRealtime();
  return useSyncExternalStore(
    (notify) => client?.onState(notify) ?? (() => undefined),
    () => client?.state ?? 'connecting',
  );
}
