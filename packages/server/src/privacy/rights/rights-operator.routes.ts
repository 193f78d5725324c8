import { IdParams } from '@carillon/protocol/common';
import {
  FulfilRightsRequestBody,
  OperatorQueueQuery,
  OperatorRightsRequest,
  OperatorRightsRequestList,
  RefuseRightsRequestBody,
} from '@carillon/protocol/rights';
import { route, type RouteDefinition } from '../../platform/http/route';
import type { RightsOperatorService } from './rights-operator.service';

/** Operator routes of the data-rights center: the queue, fulfil, refuse. */
export function rightsOperatorRoutes(rights: RightsOperatorService): RouteDefinition[] {
  const tags = ['operator', 'privacy'];
  return [
    route({
      method: 'GET',
      path: '/api/operator/rights-requests',
      summary: 'Data-rights requests and complaints waiting for a person, overdue first',
      tags,
      auth: 'operator',
      query: OperatorQueueQuery,
      audited: true,
      response: OperatorRightsRequestList,
      handler: async ({ operator, query }) => ({
        requests: await rights.queue(operator.operatorId, query.purpose),
      }),
    }),
    route({
      method: 'POST',
      path: '/api/operator/rights-requests/:id/fulfil',
      summary: 'Close a queued request as fulfilled, with a note to the person',
      tags,
      auth: 'operator',
      params: IdParams,
      body: FulfilRightsRequestBody,
      response: OperatorRightsRequest,
      errors: ['not_found', 'conflict'],
      handler: ({ operator, params, body }) =>
        rights.fulfil(operator.operatorId, params.id, body.note),
    }),
    route({
      method: 'POST',
      path: '/api/operator/rights-requests/:id/refuse',
      summary: 'Refuse a queued request with a written reason shown to the person',
      tags,
      auth: 'operator',
      params: IdParams,
      body: RefuseRightsRequestBody,
      response: OperatorRightsRequest,
      errors: ['not_found', 'conflict'],
      handler: ({ operator, params, body }) =>
        rights.refuse(operator.operatorId, params.id, body.reason),
    }),
  ];
}
