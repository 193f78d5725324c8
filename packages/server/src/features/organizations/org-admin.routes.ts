import { OrganizationParams } from '@carillon/protocol/organizations';
import {
  OrgApp,
  OrgAppList,
  OrgAppParams,
  SecurityLogPage,
  SecurityLogQuery,
  SecuritySettings,
  SetOrgAppBody,
  UpdateSecuritySettingsBody,
} from '@carillon/protocol/org-admin';
import { route, type RouteDefinition } from '../../platform/http/route';
import type { OrgAppsService } from './org-apps.service';
import type { SecurityLogService } from './security-log.service';

const tags = ['organizations'];
const admin = ['not_found', 'forbidden'];

/** App management (ORG-7) and the security log with its settings (ORG-9). */
export function orgAdminRoutes(apps: OrgAppsService, log: SecurityLogService): RouteDefinition[] {
  return [
    route({
      method: 'GET',
      path: '/api/organizations/:id/apps',
      summary: 'Built-in functions and whether the organization has them on (members)',
      tags,
      auth: 'user',
      params: OrganizationParams,
      response: OrgAppList,
      errors: ['not_found'],
      handler: async ({ user, params }) => ({ apps: await apps.list(user.userId, params.id) }),
    }),
    route({
      method: 'PUT',
      path: '/api/organizations/:id/apps/:app',
      summary: 'Turn a built-in function on or off (main administrator)',
      tags,
      auth: 'user',
      params: OrgAppParams,
      body: SetOrgAppBody,
      response: OrgApp,
      errors: admin,
      handler: ({ user, params, body }) =>
        apps.set(user.userId, params.id, params.app, body.enabled),
    }),
    route({
      method: 'GET',
      path: '/api/organizations/:id/security-log',
      summary:
        "Members' log-ins, log-outs, new devices, downloads and admin actions, newest first; audited with the purpose",
      tags,
      auth: 'user',
      params: OrganizationParams,
      query: SecurityLogQuery,
      response: SecurityLogPage,
      errors: admin,
      handler: ({ user, params, query }) => log.page(user.userId, params.id, query),
    }),
    route({
      method: 'GET',
      path: '/api/organizations/:id/security-settings',
      summary: 'How long the security log is kept (admins over all members)',
      tags,
      auth: 'user',
      params: OrganizationParams,
      response: SecuritySettings,
      errors: admin,
      handler: ({ user, params }) => log.settings(user.userId, params.id),
    }),
    route({
      method: 'PUT',
      path: '/api/organizations/:id/security-settings',
      summary: 'Set how long the security log is kept, in days (main administrator)',
      tags,
      auth: 'user',
      params: OrganizationParams,
      body: UpdateSecuritySettingsBody,
      response: SecuritySettings,
      errors: admin,
      handler: ({ user, params, body }) =>
        log.updateSettings(user.userId, params.id, body.securityLogDays),
    }),
  ];
}
