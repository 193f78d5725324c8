import { Ok } from '@carillon/protocol/common';
import {
  Certification,
  CertificationBody,
  CreateOrganizationBody,
  MemberParams,
  Organization,
  OrganizationList,
  OrganizationParams,
  SetOrgRoleBody,
  TransferMainAdminBody,
} from '@carillon/protocol/organizations';
import { route, type RouteDefinition } from '../../platform/http/route';
import type { CertificationService } from './certification.service';
import type { OrganizationsService } from './organizations.service';

const tags = ['organizations'];
const admin = ['not_found', 'forbidden'];

/** Organizations: create, list mine, read one, roles, main-admin transfer, certification. */
export function organizationsRoutes(
  organizations: OrganizationsService,
  certification: CertificationService,
): RouteDefinition[] {
  return [
    route({
      method: 'POST',
      path: '/api/organizations',
      summary: 'Create an organization; the creator is its main administrator',
      tags,
      auth: 'user',
      body: CreateOrganizationBody,
      response: Organization,
      status: 201,
      handler: ({ user, body }) => organizations.create(user.userId, body),
    }),
    route({
      method: 'GET',
      path: '/api/organizations',
      summary: 'The organizations I belong to, to switch between',
      tags,
      auth: 'user',
      response: OrganizationList,
      handler: async ({ user }) => ({ organizations: await organizations.listMine(user.userId) }),
    }),
    route({
      method: 'GET',
      path: '/api/organizations/:id',
      summary: 'One of my organizations',
      tags,
      auth: 'user',
      params: OrganizationParams,
      response: Organization,
      errors: ['not_found'],
      handler: ({ user, params }) => organizations.get(user.userId, params.id),
    }),
    route({
      method: 'PUT',
      path: '/api/organizations/:id/members/:userId/role',
      summary: 'Make a member a sub-administrator with a scope, or a member again (main admin)',
      tags,
      auth: 'user',
      params: MemberParams,
      body: SetOrgRoleBody,
      response: Ok,
      errors: [...admin, 'conflict'],
      handler: async ({ user, params, body }) => {
        await organizations.setRole(user.userId, params.id, params.userId, body);
        return { ok: true as const };
      },
    }),
    route({
      method: 'POST',
      path: '/api/organizations/:id/transfer',
      summary: 'Hand the main administrator role to another member (main admin)',
      tags,
      auth: 'user',
      params: OrganizationParams,
      body: TransferMainAdminBody,
      response: Ok,
      errors: [...admin, 'conflict'],
      handler: async ({ user, params, body }) => {
        await organizations.transferMainAdmin(user.userId, params.id, body.userId);
        return { ok: true as const };
      },
    }),
    route({
      method: 'POST',
      path: '/api/organizations/:id/certification',
      summary: 'Apply for certification with business details and document file ids (main admin)',
      tags,
      auth: 'user',
      params: OrganizationParams,
      body: CertificationBody,
      response: Certification,
      status: 201,
      errors: [...admin, 'conflict'],
      handler: ({ user, params, body }) => certification.submit(user.userId, params.id, body),
    }),
    route({
      method: 'GET',
      path: '/api/organizations/:id/certification',
      summary: 'The newest certification request and its outcome (main admin)',
      tags,
      auth: 'user',
      params: OrganizationParams,
      response: Certification,
      errors: admin,
      handler: ({ user, params }) => certification.latest(user.userId, params.id),
    }),
  ];
}
