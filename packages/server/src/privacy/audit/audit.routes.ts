import { AccessLogPage, AccessLogQuery, AuditVerifyResult } from '@carillon/protocol/audit';
import { route, type RouteDefinition } from '../../platform/http/route';
import type { AuditService } from './audit.service';

/** "Who accessed my data" for users, and the chain check for operators. */
export function auditRoutes(audit: AuditService): RouteDefinition[] {
  return [
    route({
      method: 'GET',
      path: '/api/privacy/access-log',
      summary: 'Who accessed my data: audit entries about the caller, newest first',
      tags: ['privacy'],
      auth: 'user',
      query: AccessLogQuery,
      response: AccessLogPage,
      handler: ({ user, query }) => audit.entriesAbout(user.userId, query),
    }),
    route({
      method: 'GET',
      path: '/api/operator/audit/verify',
      summary:
        'Check the audit log for changed, removed or reordered entries and forged checkpoints',
      tags: ['operator'],
      auth: 'operator',
      response: AuditVerifyResult,
      handler: () => audit.verify(),
    }),
  ];
}
