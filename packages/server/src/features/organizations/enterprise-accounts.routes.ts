import { OrganizationParams } from '@carillon/protocol/organizations';
import {
  CreateEnterpriseAccountBody,
  EnterpriseAccount,
  EnterpriseAccountDetail,
  EnterpriseAccountList,
  EnterpriseAccountParams,
  OrganizationCodeResult,
  PurposeQuery,
  ResetEnterprisePasswordBody,
  EraseEnterpriseAccountBody,
} from '@carillon/protocol/org-admin';
import { route, type RateLimit, type RouteDefinition } from '../../platform/http/route';
import type { EnterpriseAccountsService } from './enterprise-accounts.service';

const tags = ['organizations'];
const admin = ['not_found', 'forbidden'];

/** Enterprise accounts (ORG-3): the organization code, creating, resetting, disabling. */
export function enterpriseAccountsRoutes(
  accounts: EnterpriseAccountsService,
  options: { limit: RateLimit },
): RouteDefinition[] {
  const base = '/api/organizations/:id/enterprise-accounts';
  return [
    route({
      method: 'GET',
      path: '/api/organizations/:id/code',
      summary: 'The organization code enterprise accounts sign in with (admins over all members)',
      tags,
      auth: 'user',
      params: OrganizationParams,
      response: OrganizationCodeResult,
      errors: admin,
      handler: ({ user, params }) => accounts.code(user.userId, params.id),
    }),
    route({
      method: 'POST',
      path: base,
      summary: 'Create an enterprise account for a member (admins with members, in scope)',
      tags,
      auth: 'user',
      params: OrganizationParams,
      body: CreateEnterpriseAccountBody,
      response: EnterpriseAccount,
      status: 201,
      rateLimit: options.limit,
      errors: [...admin, 'weak_password', 'conflict'],
      handler: ({ user, params, body }) => accounts.create(user.userId, params.id, body),
    }),
    route({
      method: 'GET',
      path: base,
      summary: "The organization's enterprise accounts (admins over all members)",
      tags,
      auth: 'user',
      params: OrganizationParams,
      response: EnterpriseAccountList,
      errors: admin,
      handler: async ({ user, params }) => ({
        accounts: await accounts.list(user.userId, params.id),
      }),
    }),
    route({
      method: 'GET',
      path: `${base}/:userId`,
      summary:
        'An enterprise account and its devices; audited with the stated purpose, shown to the member',
      tags,
      auth: 'user',
      params: EnterpriseAccountParams,
      query: PurposeQuery,
      audited: true,
      response: EnterpriseAccountDetail,
      errors: admin,
      handler: ({ user, params, query }) =>
        accounts.detail(user.userId, params.id, params.userId, query.purpose),
    }),
    route({
      method: 'POST',
      path: `${base}/:userId/password`,
      summary: 'Set a new password for an enterprise account; ends its sessions',
      tags,
      auth: 'user',
      params: EnterpriseAccountParams,
      body: ResetEnterprisePasswordBody,
      rateLimit: options.limit,
      errors: [...admin, 'weak_password'],
      handler: ({ user, params, body }) =>
        accounts.resetPassword(user.userId, params.id, params.userId, body.password),
    }),
    ...(['disable', 'enable'] as const).map((verb) =>
      route({
        method: 'POST',
        path: `${base}/:userId/${verb}`,
        summary:
          verb === 'disable'
            ? 'Disable an enterprise account: sign-in refused, every session and socket ended at once'
            : 'Re-enable a disabled enterprise account',
        tags,
        auth: 'user',
        params: EnterpriseAccountParams,
        response: EnterpriseAccount,
        errors: admin,
        handler: ({ user, params }) =>
          accounts.setDisabled(user.userId, params.id, params.userId, verb === 'disable'),
      }),
    ),
    route({
      method: 'POST',
      path: `${base}/:userId/erase`,
      summary:
        'Delete an enterprise account for good, with your password: its sessions end and everything about it is erased',
      tags,
      auth: 'user',
      rateLimit: options.limit,
      params: EnterpriseAccountParams,
      body: EraseEnterpriseAccountBody,
      errors: [...admin, 'invalid_credentials'],
      handler: async ({ user, params, body }) => {
        await accounts.erase(user.userId, params.id, params.userId, body.password);
      },
    }),
  ];
}
