import {
  DirectoryQuery,
  MemberParams,
  OrganizationParams,
  OrgMember,
  OrgMemberPage,
  UpdateMemberBody,
} from '@carillon/protocol/organizations';
import { route, type RouteDefinition } from '../../platform/http/route';
import type { DirectoryService } from './directory.service';

const tags = ['organizations'];

/** The directory: browse and search members, edit and remove them. */
export function directoryRoutes(directory: DirectoryService): RouteDefinition[] {
  return [
    route({
      method: 'GET',
      path: '/api/organizations/:id/members',
      summary:
        'Members by name, paged; filter by department, search name (pinyin, initials), nickname, position, office phone',
      tags,
      auth: 'user',
      params: OrganizationParams,
      query: DirectoryQuery,
      response: OrgMemberPage,
      errors: ['not_found', 'feature_disabled'],
      handler: ({ user, params, query }) => directory.page(user.userId, params.id, query),
    }),
    route({
      method: 'GET',
      path: '/api/organizations/:id/members/:userId',
      summary: 'One member, with the fields the caller may see',
      tags,
      auth: 'user',
      params: MemberParams,
      response: OrgMember,
      errors: ['not_found'],
      handler: ({ user, params }) => directory.member(user.userId, params.id, params.userId),
    }),
    route({
      method: 'PATCH',
      path: '/api/organizations/:id/members/:userId',
      summary:
        "Set a member's name, position, job number, office e-mail and phone, departments (admins with members)",
      tags,
      auth: 'user',
      params: MemberParams,
      body: UpdateMemberBody,
      response: OrgMember,
      errors: ['not_found', 'forbidden'],
      handler: ({ user, params, body }) =>
        directory.update(user.userId, params.id, params.userId, body),
    }),
    route({
      method: 'DELETE',
      path: '/api/organizations/:id/members/:userId',
      summary: 'Remove a member (admins with members), or leave (yourself)',
      tags,
      auth: 'user',
      params: MemberParams,
      errors: ['not_found', 'forbidden', 'conflict'],
      handler: async ({ user, params }) => {
        await directory.remove(user.userId, params.id, params.userId);
      },
    }),
  ];
}
