import type { Conversation } from '@carillon/protocol/messaging';
/** One recorded request the app made. */
export interface SentRequest {
  method: string;
  path: string;
  /** The query string's parameters, e.g. `{ lang: 'zh-CN' }`. */
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

/** A JSON answer, or `response` for anything else (a file download's bytes and headers). */
type Reply = { status?: number; body?: unknown; response?: () => Response };
type Handler = (request: SentRequest) => Reply | Promise<Reply>;

/**
 * A stand-in for the network: answers `METHOD /path` from a table (the
 * server's real behaviour is covered by the e2e journeys) and records what
 * the app sent, so tests can check bodies and headers.
 */
export function fakeFetch(routes: Record<string, Handler | Reply>) {
  const sent: SentRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init.method ?? 'GET';
    const request: SentRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>)),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    sent.push(request);
    const route = routes[`${method} ${url.pathname}`];
    const reply = typeof route === 'function' ? await route(request) : route;
    if (!reply)
      return json(404, {
        error: { id: 'not_found', message: `No route ${method} ${url.pathname}` },
      });
    if (reply.response) return reply.response();
    return json(reply.status ?? 200, reply.body);
  };
  return { fetch: fetch as typeof globalThis.fetch, sent };
}

function json(status: number, body: unknown): Response {
  return status === 204
    ? new Response(null, { status })
    : new Response(JSON.stringify(body ?? null), {
        status,
        headers: { 'content-type': 'application/json' },
      });
}

/** GET /api/health of an edition. */
export const health = (edition: 'international' | 'cn' = 'international') => ({
  body: { status: 'ok', version: '0.1.0', edition, database: 'sqlite' },
});

/** GET /api/account for a signed-out browser. */
export const signedOut = {
  status: 401,
  body: { error: { id: 'unauthenticated', message: 'Sign in first.' } },
};

/** GET /api/account for a signed-in person. */
export const account = (id = '01900000-0000-7000-8000-000000000001') => ({
  body: {
    id,
    phone: '+6591234567',
    email: null,
    createdAt: 1,
    passwordChangedAt: 1,
    policy: { acceptedVersion: 1, currentVersion: 1, reconsentRequired: false },
  },
});

/** POST /api/auth/login or /register answered with a session for `account()`'s person. */
export const sessionGrant = {
  body: {
    userId: '01900000-0000-7000-8000-000000000001',
    sessionId: '01900000-0000-7000-8000-000000000002',
    deviceId: '01900000-0000-7000-8000-000000000003',
    token: 't',
    csrfToken: 'c',
    expiresAt: 10,
  },
};

/** GET /api/users/:id/profile: a nickname and no avatar. */
export const profile = (userId: string, nickname: string) => ({
  body: { userId, nickname, avatarUrl: null },
});

/**
 * A conversation as the server lists it: a quiet, fully read one-to-one chat
 * of two with no organization, unless `change` says otherwise.
 */
export const conversationOf = (change: Partial<Conversation> & { id: string }): Conversation => ({
  kind: 'direct',
  name: null,
  peerId: null,
  organizationId: null,
  orgGroup: null,
  external: false,
  ended: false,
  announcement: null,
  joinApproval: false,
  role: 'member',
  memberCount: 2,
  lastSeq: 0,
  lastActivityAt: 1,
  readSeq: 0,
  unread: 0,
  muted: false,
  pinned: false,
  ...change,
});
