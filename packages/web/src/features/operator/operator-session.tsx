import type { OperatorGrant } from '@carillon/protocol/operator';
import { createContext, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import type { ApiClient } from '../../api/api-client';
import { readCsrfToken } from '../../api/csrf';
import { useServices } from '../../app/services';

const OPERATOR_CSRF_COOKIE = 'carillon_operator_csrf';

/** The operator console's session, separate from any user signed in in the same browser. */
export interface OperatorSession {
  /** Calls with the operator cookie and its own CSRF token; a 401 signs the console out. */
  api: ApiClient;
  signedIn: boolean;
  signIn: (grant: z.infer<typeof OperatorGrant>) => void;
  signOut: () => Promise<void>;
}

const OperatorContext = createContext<OperatorSession | null>(null);

/**
 * Operators sign in with their own cookie pair (`carillon_operator`,
 * `carillon_operator_csrf`). The readable CSRF cookie lives as long as the
 * session cookie, so its presence says a session may exist; the first 401
 * says it does not.
 */
export function OperatorProvider({ children }: { children: ReactNode }) {
  const { api } = useServices();
  const grantCsrf = useRef<string | null>(null);
  const [signedIn, setSignedIn] = useState(
    () => readCsrfToken(document.cookie, OPERATOR_CSRF_COOKIE) !== null,
  );
  const value = useMemo<OperatorSession>(() => {
    const operatorApi = api.derive({
      csrfToken: () => readCsrfToken(document.cookie, OPERATOR_CSRF_COOKIE) ?? grantCsrf.current,
      onUnauthenticated: () => setSignedIn(false),
    });
    return {
      api: operatorApi,
      signedIn,
      signIn: (grant) => {
        grantCsrf.current = grant.csrfToken;
        setSignedIn(true);
      },
      signOut: async () => {
        await operatorApi.post('/api/operator/logout').catch(() => undefined);
        grantCsrf.current = null;
        setSignedIn(false);
      },
    };
  }, [api, signedIn]);
  return <OperatorContext.Provider value={value}>{children}</OperatorContext.Provider>;
}

/** The surrounding operator session. */
export function useOperator(): OperatorSession {
  const value = useContext(OperatorContext);
  if (!value) throw new Error('useOperator outside OperatorProvider');
  return value;
}
