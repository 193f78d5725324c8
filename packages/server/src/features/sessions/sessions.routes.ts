import { IdParams } from '@carillon/protocol/common';
import { EndedCount, SessionList } from '@carillon/protocol/sessions';
import type { FastifyRequest } from 'fastify';
import {
  checkCsrf,
  clearSessionCookies,
  readCredential,
  unauthenticated,
  userCookies,
} from '../../platform/http/credentials';
import { route, type RouteDefinition, type UserActor } from '../../platform/http/route';
import type { SessionsService } from './sessions.service';

/** Resolves the user behind a request, enforcing CSRF for cookie sessions. */
export function userAuthenticator(sessions: SessionsService) {
  return async (request: FastifyRequest): Promise<UserActor | undefined> => {
    const credential = readCredential(request, userCookies);
    if (!credential) return undefined;
    const session = await sessions.authenticate(credential.token);
    if (!session) throw unauthenticated();
    checkCsrf(request, credential.via, () => sessions.csrfTokenFor(session.sessionId));
    return session;
  };
}

/** Session routes: list devices, end one, end all others, sign out. */
export function sessionsRoutes(sessions: SessionsService): RouteDefinition[] {
  const tags = ['sessions'];
  return [
    route({
      method: 'GET',
      path: '/api/sessions',
      summary: 'Signed-in sessions with their devices',
      tags,
      auth: 'user',
      response: SessionList,
      handler: async ({ user }) => ({ sessions: await sessions.list(user) }),
    }),
    route({
      method: 'DELETE',
      path: '/api/sessions/:id',
      summary: 'End one session (sign a device out remotely)',
      tags,
      auth: 'user',
      params: IdParams,
      errors: ['not_found'],
      handler: ({ user, params }) => sessions.end(user, params.id),
    }),
    route({
      method: 'POST',
      path: '/api/sessions/end-others',
      summary: 'End every session except this one',
      tags,
      auth: 'user',
      response: EndedCount,
      handler: async ({ user }) => ({ ended: await sessions.endOthers(user) }),
    }),
    route({
      method: 'POST',
      path: '/api/auth/logout',
      summary: 'Sign this device out',
      tags,
      auth: 'user',
      handler: async ({ user, reply }) => {
        await sessions.end(user, user.sessionId);
        clearSessionCookies(reply, userCookies);
      },
    }),
  ];
}
