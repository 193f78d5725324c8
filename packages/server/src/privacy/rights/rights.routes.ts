import { RequestCodeResult } from '@carillon/protocol/auth';
import { IdParams } from '@carillon/protocol/common';
import {
  AccessReportResult,
  CreateRightsRequestBody,
  CreateRightsRequestResult,
  RightsRequest,
  RightsRequestList,
  VerifyRightsRequestBody,
} from '@carillon/protocol/rights';
import { route, type RateLimit, type RouteDefinition } from '../../platform/http/route';
import type { RightsService } from './rights.service';

/**
 * The person's side of the data-rights center, under /api/privacy/requests.
 * Routes that send codes or check passwords share the sign-in rate limit.
 */
export function rightsRoutes(
  rights: RightsService,
  options: { authLimit: RateLimit },
): RouteDefinition[] {
  const tags = ['privacy'];
  const rateLimit = options.authLimit;
  return [
    route({
      method: 'POST',
      path: '/api/privacy/requests',
      summary: 'Submit a data-rights request or complaint; a confirmation code is sent',
      tags,
      auth: 'user',
      rateLimit,
      body: CreateRightsRequestBody,
      response: CreateRightsRequestResult,
      status: 201,
      errors: ['conflict', 'unavailable'],
      handler: ({ user, body, request }) => rights.create(user.userId, body, request.ip),
    }),
    route({
      method: 'GET',
      path: '/api/privacy/requests',
      summary: 'Your requests with their status, deadline and days left, newest first',
      tags,
      auth: 'user',
      response: RightsRequestList,
      handler: async ({ user }) => ({ requests: await rights.list(user.userId) }),
    }),
    route({
      method: 'GET',
      path: '/api/privacy/requests/:id',
      summary: 'One of your requests',
      tags,
      auth: 'user',
      params: IdParams,
      response: RightsRequest,
      errors: ['not_found'],
      handler: ({ user, params }) => rights.get(user.userId, params.id),
    }),
    route({
      method: 'POST',
      path: '/api/privacy/requests/:id/code',
      summary: 'Send a new confirmation code for a request not yet verified',
      tags,
      auth: 'user',
      rateLimit,
      params: IdParams,
      response: RequestCodeResult,
      status: 202,
      errors: ['not_found', 'conflict', 'unavailable'],
      handler: ({ user, params, request }) => rights.resendCode(user.userId, params.id, request.ip),
    }),
    route({
      method: 'POST',
      path: '/api/privacy/requests/:id/verify',
      summary: 'Confirm a request with your password and the code; it then starts',
      tags,
      auth: 'user',
      rateLimit,
      params: IdParams,
      body: VerifyRightsRequestBody,
      response: RightsRequest,
      errors: ['invalid_credentials', 'code_invalid', 'too_many_attempts', 'not_found', 'conflict'],
      handler: ({ user, params, body }) =>
        rights.verify(user.userId, params.id, body.password, body.code),
    }),
    route({
      method: 'POST',
      path: '/api/privacy/requests/:id/withdraw',
      summary: 'Call off your request before it is confirmed, or while it waits for an operator',
      tags,
      auth: 'user',
      params: IdParams,
      response: RightsRequest,
      errors: ['not_found', 'conflict'],
      handler: ({ user, params }) => rights.withdraw(user.userId, params.id),
    }),
    route({
      method: 'GET',
      path: '/api/privacy/requests/:id/report',
      summary: 'The answer to an access request: what is held, why, on what basis, how long',
      tags,
      auth: 'user',
      params: IdParams,
      response: AccessReportResult,
      errors: ['not_found', 'conflict'],
      handler: ({ user, params }) => rights.report(user.userId, params.id),
    }),
    route({
      method: 'GET',
      path: '/api/privacy/requests/:id/export',
      summary: 'Download the archive of a copy request (application/zip, streamed)',
      tags,
      auth: 'user',
      params: IdParams,
      produces: 'application/zip',
      errors: ['not_found', 'conflict'],
      handler: async ({ user, params, reply }) => {
        const archive = await rights.exportArchive(user.userId, params.id);
        return reply
          .type('application/zip')
          .header('content-disposition', `attachment; filename="carillon-${params.id}.zip"`)
          .header('cache-control', 'no-store')
          .send(archive) as never;
      },
    }),
  ];
}
