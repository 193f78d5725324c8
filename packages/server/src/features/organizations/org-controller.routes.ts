import {
  Dissolution,
  DissolveBody,
  FulfilOrgRightsBody,
  OrgRetention,
  OrgRetentionBody,
  OrgRightsParams,
  OrgRightsRequest,
  OrgRightsRequestList,
  RefuseOrgRightsBody,
} from '@carillon/protocol/org-data';
import { OrganizationParams } from '@carillon/protocol/organizations';
import { route, type RateLimit, type RouteDefinition } from '../../platform/http/route';
import type { DissolutionService } from './dissolution.service';
import type { OrgDataService } from './org-data.service';
import type { OrgRightsService } from './org-rights.service';

const tags = ['organizations'];
const admin = ['not_found', 'forbidden'];

/**
 * The organization as controller of its data (ORG-4, ORG-8), main
 * administrator only: export, retention, routed rights requests and
 * dissolution (which every member may read).
 */
export function orgControllerRoutes(
  data: OrgDataService,
  rights: OrgRightsService,
  dissolution: DissolutionService,
  options: { passwordLimit: RateLimit },
): RouteDefinition[] {
  return [
    route({
      method: 'GET',
      path: '/api/organizations/:id/export',
      summary:
        "Download the organization's controlled data (application/zip, streamed; main admin)",
      tags,
      auth: 'user',
      params: OrganizationParams,
      produces: 'application/zip',
      errors: admin,
      handler: async ({ user, params, reply }) => {
        const archive = await data.exportData(user.userId, params.id);
        return reply
          .type('application/zip')
          .header('content-disposition', `attachment; filename="organization-${params.id}.zip"`)
          .header('cache-control', 'no-store')
          .send(archive) as never;
      },
    }),
    route({
      method: 'GET',
      path: '/api/organizations/:id/retention',
      summary: 'How long the organization keeps the data it controls (main admin)',
      tags,
      auth: 'user',
      params: OrganizationParams,
      response: OrgRetention,
      errors: admin,
      handler: ({ user, params }) => data.retention(user.userId, params.id),
    }),
    route({
      method: 'PUT',
      path: '/api/organizations/:id/retention',
      summary: 'Set (or, with null, clear) the retention period in days (main admin)',
      tags,
      auth: 'user',
      params: OrganizationParams,
      body: OrgRetentionBody,
      response: OrgRetention,
      errors: admin,
      handler: ({ user, params, body }) => data.setRetention(user.userId, params.id, body),
    }),
    route({
      method: 'GET',
      path: '/api/organizations/:id/rights-requests',
      summary:
        "Members' data-rights requests about the organization's data, open first (main admin)",
      tags,
      auth: 'user',
      params: OrganizationParams,
      response: OrgRightsRequestList,
      errors: admin,
      handler: async ({ user, params }) => ({
        requests: await rights.list(user.userId, params.id),
      }),
    }),
    route({
      method: 'POST',
      path: '/api/organizations/:id/rights-requests/:requestId/fulfil',
      summary: 'Close a routed request as done, with a note for the member (main admin)',
      tags,
      auth: 'user',
      params: OrgRightsParams,
      body: FulfilOrgRightsBody,
      response: OrgRightsRequest,
      errors: [...admin, 'conflict'],
      handler: ({ user, params, body }) =>
        rights.fulfil(user.userId, params.id, params.requestId, body.note),
    }),
    route({
      method: 'POST',
      path: '/api/organizations/:id/rights-requests/:requestId/refuse',
      summary: 'Refuse a routed request with a reason shown to the member (main admin)',
      tags,
      auth: 'user',
      params: OrgRightsParams,
      body: RefuseOrgRightsBody,
      response: OrgRightsRequest,
      errors: [...admin, 'conflict'],
      handler: ({ user, params, body }) =>
        rights.refuse(user.userId, params.id, params.requestId, body.reason),
    }),
    route({
      method: 'POST',
      path: '/api/organizations/:id/dissolution',
      summary:
        'Start dissolving the organization, with your password; members get notice (main admin)',
      tags,
      auth: 'user',
      rateLimit: options.passwordLimit,
      params: OrganizationParams,
      body: DissolveBody,
      response: Dissolution,
      status: 201,
      errors: [...admin, 'invalid_credentials', 'conflict'],
      handler: ({ user, params, body }) => dissolution.start(user.userId, params.id, body.password),
    }),
    route({
      method: 'GET',
      path: '/api/organizations/:id/dissolution',
      summary: "The organization's dissolution and when its data is erased (any member)",
      tags,
      auth: 'user',
      params: OrganizationParams,
      response: Dissolution,
      errors: ['not_found'],
      handler: ({ user, params }) => dissolution.get(user.userId, params.id),
    }),
    route({
      method: 'DELETE',
      path: '/api/organizations/:id/dissolution',
      summary: 'Call the dissolution off during the grace period (main admin)',
      tags,
      auth: 'user',
      params: OrganizationParams,
      response: Dissolution,
      errors: [...admin, 'conflict'],
      handler: ({ user, params }) => dissolution.withdraw(user.userId, params.id),
    }),
  ];
}
