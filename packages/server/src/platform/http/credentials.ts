import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Names of the cookie pair a kind of session uses. */
export interface CookieNames {
  session: string;
  csrf: string;
}

export const userCookies: CookieNames = { session: 'carillon_session', csrf: 'carillon_csrf' };
export const operatorCookies: CookieNames = {
  session: 'carillon_operator',
  csrf: 'carillon_operator_csrf',
};

/** A token from the Authorization header (API clients) or the session cookie (browsers). */
export function readCredential(
  request: FastifyRequest,
  names: CookieNames,
): { token: string; via: 'bearer' | 'cookie' } | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), via: 'bearer' };
  const cookie = request.cookies[names.session];
  return cookie ? { token: cookie, via: 'cookie' } : undefined;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set by registerRoutes for an audited read (RouteDefinition.audited). */
    auditedRead?: boolean;
  }
}

/**
 * Double-submit CSRF defence for cookie sessions: an unsafe request, or an
 * audited read, must echo the CSRF token in `X-CSRF-Token`. Bearer tokens
 * are not sent by browsers on their own, so they need no such check.
 */
export function checkCsrf(
  request: FastifyRequest,
  via: 'bearer' | 'cookie',
  /** The session's CSRF token; derived only when a cookie request needs it. */
  expected: () => string,
): void {
  if (via === 'bearer') return;
  if (SAFE_METHODS.has(request.method) && !request.routeOptions.config.auditedRead) return;
  const sent = request.headers['x-csrf-token'];
  const a = Buffer.from(typeof sent === 'string' ? sent : '');
  const b = Buffer.from(expected());
  if (a.length !== b.length || !timingSafeEqual(a, b))
    throw new AppError('csrf_failed', 'Missing or wrong X-CSRF-Token header.');
}

/** Sets the HttpOnly session cookie and the readable CSRF cookie. */
export function setSessionCookies(
  reply: FastifyReply,
  names: CookieNames,
  grant: { token: string; csrfToken: string; expiresAt: number },
  secure: boolean,
): void {
  const expires = new Date(grant.expiresAt);
  reply.setCookie(names.session, grant.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires,
  });
  reply.setCookie(names.csrf, grant.csrfToken, { sameSite: 'lax', secure, path: '/', expires });
}

export function clearSessionCookies(reply: FastifyReply, names: CookieNames): void {
  reply.clearCookie(names.session, { path: '/' });
  reply.clearCookie(names.csrf, { path: '/' });
}

export const unauthenticated = () =>
  new AppError('unauthenticated', 'Sign in first: send a session cookie or a bearer token.');
