import { Ok } from '@carillon/protocol/common';
import {
  ApplicationList,
  ApplicationParams,
  ApplyBody,
  CreateOrgInviteBody,
  InvitationParams,
  JoinOrganizationBody,
  OrganizationParams,
  OrgInvite,
  PendingInvitationList,
  PhoneInviteBody,
} from '@carillon/protocol/organizations';
import { z } from 'zod';
import { route, type RateLimit, type RouteDefinition } from '../../platform/http/route';
import type { MembershipService } from './membership.service';

const tags = ['organizations'];
const admin = ['not_found', 'forbidden'];
const Joined = z.object({ organizationId: z.uuid() });

/** Joining: invite links and codes, phone invitations, applications. */
export function membershipRoutes(
  membership: MembershipService,
  options: { limit: RateLimit },
): RouteDefinition[] {
  return [
    route({
      method: 'POST',
      path: '/api/organizations/:id/invites',
      summary: 'Create an expiring invite link token or short join code (admins with members)',
      tags,
      auth: 'user',
      params: OrganizationParams,
      body: CreateOrgInviteBody,
      response: OrgInvite,
      status: 201,
      errors: admin,
      handler: ({ user, params, body }) =>
        membership.createInvite(user.userId, params.id, body.kind, body.expiresInHours),
    }),
    route({
      method: 'POST',
      path: '/api/organizations/:id/phone-invitations',
      summary:
        'Invite a phone number; the same answer whether or not it is registered (admins with members)',
      tags,
      auth: 'user',
      params: OrganizationParams,
      body: PhoneInviteBody,
      response: Ok,
      status: 202,
      rateLimit: options.limit,
      errors: [...admin, 'invalid_phone'],
      handler: async ({ user, params, body }) => {
        await membership.invitePhone(user.userId, params.id, body.phone);
        return { ok: true as const };
      },
    }),
    route({
      method: 'GET',
      path: '/api/organization-invitations',
      summary: 'Phone invitations waiting for me',
      tags,
      auth: 'user',
      response: PendingInvitationList,
      handler: async ({ user }) => ({
        invitations: await membership.pendingInvitations(user.userId),
      }),
    }),
    route({
      method: 'POST',
      path: '/api/organization-invitations/:invitationId/accept',
      summary: 'Accept a phone invitation and join',
      tags,
      auth: 'user',
      params: InvitationParams,
      response: Joined,
      errors: ['not_found', 'conflict'],
      handler: ({ user, params }) =>
        membership.answerInvitation(user.userId, params.invitationId, true),
    }),
    route({
      method: 'POST',
      path: '/api/organization-invitations/:invitationId/decline',
      summary: 'Decline a phone invitation',
      tags,
      auth: 'user',
      params: InvitationParams,
      response: Ok,
      errors: ['not_found', 'conflict'],
      handler: async ({ user, params }) => {
        await membership.answerInvitation(user.userId, params.invitationId, false);
        return { ok: true as const };
      },
    }),
    route({
      method: 'POST',
      path: '/api/organizations/join',
      summary: 'Join with an invite link token or a short code',
      tags,
      auth: 'user',
      body: JoinOrganizationBody,
      response: Joined,
      rateLimit: options.limit,
      errors: ['token_invalid'],
      handler: ({ user, body }) => membership.join(user.userId, body),
    }),
    route({
      method: 'POST',
      path: '/api/organizations/applications',
      summary: 'Ask to join an organization; an administrator decides',
      tags,
      auth: 'user',
      body: ApplyBody,
      response: Joined.extend({ id: z.uuid() }),
      status: 201,
      errors: ['not_found', 'conflict'],
      handler: ({ user, body }) => membership.apply(user.userId, body.organizationId, body.message),
    }),
    route({
      method: 'GET',
      path: '/api/organizations/:id/applications',
      summary: 'Pending applications (admins with members)',
      tags,
      auth: 'user',
      params: OrganizationParams,
      response: ApplicationList,
      errors: admin,
      handler: async ({ user, params }) => ({
        applications: await membership.listApplications(user.userId, params.id),
      }),
    }),
    ...(['approve', 'decline'] as const).map((decision) =>
      route({
        method: 'POST',
        path: `/api/organizations/:id/applications/:applicationId/${decision}`,
        summary: `${decision === 'approve' ? 'Approve' : 'Decline'} an application (admins with members)`,
        tags,
        auth: 'user',
        params: ApplicationParams,
        response: Ok,
        errors: [...admin, 'conflict'],
        handler: async ({ user, params }) => {
          await membership.decideApplication(
            user.userId,
            params.id,
            params.applicationId,
            decision === 'approve',
          );
          return { ok: true as const };
        },
      }),
    ),
  ];
}
