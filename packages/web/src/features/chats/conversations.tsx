import { ConversationList, type Conversation } from '@carillon/protocol/messaging';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ReactNode } from 'react';
import { useServices } from '../../app/services';
import { useStream } from '../../realtime/use-stream';

/** The conversation list as the signed-in screens share it. */
export interface ConversationsValue {
  conversations: Conversation[] | null;
  error: unknown;
  reload: () => Promise<void>;
  /** Applies a change locally at once (pin, mute, read) before the server confirms it. */
  patch: (id: string, change: Partial<Conversation>) => void;
}

const ConversationsContext = createContext<ConversationsValue | null>(null);

/**
 * Loads GET /api/conversations (pinned first, then by activity, with unread
 * counts) and re-reads it after any event of the stream, coalescing bursts.
 */
export function ConversationsProvider({ children }: { children: ReactNode }) {
  const { api } = useServices();
  const [conversations, setConversations] = useState<Conversation[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const reload = useCallback(async () => {
    try {
      const list = await api.get('/api/conversations', { schema: ConversationList });
      setConversations(list.conversations);
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  }, [api]);

  const reloadSoon = useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void reload();
    }, 150);
  }, [reload]);

  useEffect(() => {
    void reload();
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [reload]);
  useStream(reloadSoon, reloadSoon);

  const value = useMemo<ConversationsValue>(
    () => ({
      conversations,
      error,
      reload,
      patch: (id, change) =>
        setConversations(
          (list) => list?.map((c) => (c.id === id ? { ...c, ...change } : c)) ?? list,
        ),
    }),
    [conversations, error, reload],
  );
  return <ConversationsContext.Provider value={value}>{children}</ConversationsContext.Provider>;
}

/** The conversation list AppShell keeps for the signed-in app. */
export function useConversations(): ConversationsValue {
  const value = useContext(ConversationsContext);
  if (!value) throw new Error('useConversations outside ConversationsProvider');
  return value;
}
