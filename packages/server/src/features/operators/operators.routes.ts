import {
  OperatorGrant,
  OperatorLoginBody,
  OutboxList,
  OutboxQuery,
} from '@carillon/protocol/operator';
import type { FastifyRequest } from 'fastify';
import {
  checkCsrf,
  clearSessionCookies,
  operatorCookies,
  readCredential,
  setSessionCookies,
  unauthenticated,
} from '../../platform/http/credentials';
import {
  route,
  type OperatorActor,
  type RateLimit,
  type RouteDefinition,
} from '../../platform/http/route';
import type { OperatorsService } from './operators.service';

/** Resolves the operator behind a request; user tokens never work here. */
export function operatorAuthenticator(operators: OperatorsService) {
  return async (request: FastifyRequest): Promise<OperatorActor | undefined> => {
    const credential = readCredential(request, operatorCookies);
    if (!credential) return undefined;
    const session = await operators.authenticate(credential.token);
    if (!session) throw unauthenticated();
    checkCsrf(request, credential.via, () => operators.csrfTokenFor(session.sessionId));
    return session;
  };
}

/** Operator routes, all under /api/operator. */
export function operatorsRoutes(
  operators: OperatorsService,
  options: { cookieSecure: boolean; authLimit: RateLimit },
): RouteDefinition[] {
  const tags = ['operator'];
  return [
    route({
      method: 'POST',
      path: '/api/operator/login',
      summary: 'Sign in as a platform operator',
      tags,
      auth: 'none',
      rateLimit: options.authLimit,
      body: OperatorLoginBody,
      response: OperatorGrant,
      errors: ['invalid_credentials'],
      handler: async ({ body, reply }) => {
        const grant = await operators.login(body.username, body.password);
        setSessionCookies(reply, operatorCookies, grant, options.cookieSecure);
        return grant;
      },
    }),
    route({
      method: 'POST',
      path: '/api/operator/logout',
      summary: 'Sign the operator out',
      tags,
      auth: 'operator',
      handler: async ({ operator, reply }) => {
        await operators.logout(operator.sessionId);
        clearSessionCookies(reply, operatorCookies);
      },
    }),
    route({
      method: 'GET',
      path: '/api/operator/outbox',
      summary:
        'Text messages and e-mails written by the local providers, newest first; each read is audited with its purpose',
      tags,
      auth: 'operator',
      query: OutboxQuery,
      audited: true,
      response: OutboxList,
      handler: async ({ operator, query }) => ({
        entries: await operators.readOutbox({ kind: 'operator', id: operator.operatorId }, query),
      }),
    }),
  ];
}
