import { Account } from '@carillon/protocol/auth';
import { Health } from '@carillon/protocol/health';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError } from '../api/api-error';
import { useServices } from '../app/services';
import { applyPrevailingLanguage } from '../i18n/i18n';
import { ServerUnreachable } from './ServerUnreachable';

/** No answer, or the server failing rather than refusing: it may come back. */
const isUnreachable = (error: unknown) =>
  error instanceof ApiError && (error.status === 0 || error.status >= 500);

/** The signed-in account as GET /api/account describes it. */
export type SignedInAccount = z.infer<typeof Account>;
/** Which edition this server runs: decides sign-up identifiers, the age rule and the language. */
export type Edition = z.infer<typeof Health>['edition'];

/** The session as screens see it. */
export interface SessionValue {
  /** `unreachable`: the first read of the session got no answer (offline, or the server is down). */
  status: 'loading' | 'signed-out' | 'signed-in' | 'unreachable';
  account: SignedInAccount | null;
  edition: Edition | null;
  /** Re-reads the account, e.g. after signing in. */
  refresh: () => Promise<void>;
  /** Forgets the account locally (the server session is ended by the caller). */
  clear: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Loads the edition and the account once, and keeps them for every screen. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { api, languages } = useServices();
  const { i18n } = useTranslation();
  const [account, setAccount] = useState<SignedInAccount | null>(null);
  const [status, setStatus] = useState<SessionValue['status']>('loading');
  const [edition, setEdition] = useState<Edition | null>(null);
  const [editionSettled, setEditionSettled] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setAccount(await api.get('/api/account', { schema: Account }));
      setStatus('signed-in');
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      setAccount(null);
      setStatus('signed-out');
    }
  }, [api]);

  // Any 401 (a session ended elsewhere, expired, or the account was frozen) returns to sign-in.
  useEffect(() => {
    api.onUnauthenticated(() => {
      setAccount(null);
      setStatus((current) => (current === 'loading' ? current : 'signed-out'));
    });
    return () => api.onUnauthenticated(undefined);
  }, [api]);

  const readEdition = useCallback(
    () =>
      api
        .get('/api/health', { schema: Health })
        .then((health) => {
          setEdition(health.edition);
          applyPrevailingLanguage(i18n, health.edition === 'cn' ? 'zh-CN' : 'en', languages);
        })
        .catch(() => undefined) // offline start from the cached shell: defaults until it answers
        .finally(() => setEditionSettled(true)),
    [api, i18n, languages],
  );

  /** The first read of the session; no answer at all is not the same as signed out. */
  const load = useCallback(async () => {
    try {
      await refresh();
    } catch (error) {
      setStatus(isUnreachable(error) ? 'unreachable' : 'signed-out');
    }
  }, [refresh]);

  useEffect(() => {
    void readEdition();
    void load();
  }, [readEdition, load]);

  const retry = useCallback(() => {
    if (edition === null) void readEdition();
    void load();
  }, [edition, readEdition, load]);

  const value = useMemo<SessionValue>(
    () => ({
      status,
      account,
      edition,
      refresh,
      clear: () => {
        setAccount(null);
        setStatus('signed-out');
      },
    }),
    [status, account, edition, refresh],
  );
  // Screens start once the edition is known, so pickers and rules start on the right values.
  if (!editionSettled || status === 'loading') return <p role="status">{i18n.t('app.loading')}</p>;
  if (status === 'unreachable') return <ServerUnreachable onRetry={retry} />;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The surrounding session. */
export function useSession(): SessionValue {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
