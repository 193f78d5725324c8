import { IdParams } from '@carillon/protocol/common';
import { PurposeQuery } from '@carillon/protocol/org-admin';
import {
  Certification,
  CertificationDocumentParams,
  CertificationList,
  CertificationQuery,
  RejectCertificationBody,
} from '@carillon/protocol/organizations';
import { route, type RouteDefinition } from '../../platform/http/route';
import { sendBlob } from '../files/send-blob';
import type { CertificationService } from './certification.service';

const tags = ['operator', 'organizations'];

/** The platform operator's certification review queue (ORG-1). */
export function certificationReviewRoutes(certification: CertificationService): RouteDefinition[] {
  return [
    route({
      method: 'GET',
      path: '/api/operator/organization-certifications',
      summary: 'Certification requests in one state (default pending), oldest first',
      tags,
      auth: 'operator',
      query: CertificationQuery,
      response: CertificationList,
      handler: async ({ query }) => ({
        certifications: await certification.list(query.status),
      }),
    }),
    route({
      method: 'GET',
      path: '/api/operator/organization-certifications/:id/documents/:fileId',
      summary:
        "Download one of a request's documents (Range requests supported); each read is audited with its purpose",
      tags,
      auth: 'operator',
      params: CertificationDocumentParams,
      query: PurposeQuery,
      audited: true,
      produces: 'application/octet-stream',
      errors: ['not_found', 'range_not_satisfiable'],
      handler: async ({ operator, params, query, request, reply }) =>
        sendBlob(
          request,
          reply,
          await certification.document(
            operator.operatorId,
            params.id,
            params.fileId,
            query.purpose,
          ),
          'attachment',
        ),
    }),
    route({
      method: 'POST',
      path: '/api/operator/organization-certifications/:id/approve',
      summary: 'Approve a certification request; the organization shows as certified',
      tags,
      auth: 'operator',
      params: IdParams,
      response: Certification,
      errors: ['not_found', 'conflict'],
      handler: ({ operator, params }) => certification.approve(operator.operatorId, params.id),
    }),
    route({
      method: 'POST',
      path: '/api/operator/organization-certifications/:id/reject',
      summary: 'Reject a certification request with a reason the administrators see',
      tags,
      auth: 'operator',
      params: IdParams,
      body: RejectCertificationBody,
      response: Certification,
      errors: ['not_found', 'conflict'],
      handler: ({ operator, params, body }) =>
        certification.reject(operator.operatorId, params.id, body.reason),
    }),
  ];
}
