import {
  Account,
  ChangePasswordBody,
  FreezeBody,
  LoginBody,
  RegisterBody,
  RequestCodeBody,
  RequestCodeResult,
  ResetPasswordBody,
  SecurityNoticeList,
  SessionGrant,
  UnfreezeBody,
} from '@carillon/protocol/auth';
import { route, type RateLimit, type RouteDefinition } from '../../platform/http/route';
import { setSessionCookies, userCookies } from '../../platform/http/credentials';
import type { AccountsService } from './accounts.service';

/** Account routes: codes, sign-up, sign-in, passwords, freezing. */
export function accountsRoutes(
  accounts: AccountsService,
  options: { cookieSecure: boolean; authLimit: RateLimit },
): RouteDefinition[] {
  const tags = ['accounts'];
  const rateLimit = options.authLimit;
  return [
    route({
      method: 'POST',
      path: '/api/auth/codes',
      summary: 'Send a one-time code by SMS or e-mail',
      tags,
      auth: 'none',
      rateLimit,
      body: RequestCodeBody,
      response: RequestCodeResult,
      status: 202,
      errors: ['invalid_phone', 'edition_disallows', 'unavailable'],
      handler: ({ body, request }) => accounts.requestCode(body, request.ip),
    }),
    route({
      method: 'POST',
      path: '/api/auth/register',
      summary: 'Create an account with a verified phone number or e-mail',
      tags,
      auth: 'none',
      rateLimit,
      body: RegisterBody,
      response: SessionGrant,
      status: 201,
      errors: [
        'code_invalid',
        'weak_password',
        'account_exists',
        'too_many_attempts',
        'conflict',
        'age_restricted',
      ],
      handler: async ({ body, request, reply }) => {
        const grant = await accounts.register(body, request.ip);
        setSessionCookies(reply, userCookies, grant, options.cookieSecure);
        return grant;
      },
    }),
    route({
      method: 'POST',
      path: '/api/auth/login',
      summary: 'Sign in on a device: phone or e-mail, or organization code and account name',
      tags,
      auth: 'none',
      rateLimit,
      body: LoginBody,
      response: SessionGrant,
      errors: ['invalid_credentials', 'account_frozen', 'account_disabled'],
      handler: async ({ body, request, reply }) => {
        const grant = await accounts.login(body, request.ip);
        setSessionCookies(reply, userCookies, grant, options.cookieSecure);
        return grant;
      },
    }),
    route({
      method: 'POST',
      path: '/api/auth/password-reset',
      summary: 'Set a new password with a one-time code; ends every session',
      tags,
      auth: 'none',
      rateLimit,
      body: ResetPasswordBody,
      errors: ['code_invalid', 'weak_password', 'too_many_attempts'],
      handler: ({ body }) => accounts.resetPassword(body),
    }),
    route({
      method: 'POST',
      path: '/api/auth/unfreeze',
      summary: 'Unfreeze an account with its password and a one-time code',
      tags,
      auth: 'none',
      rateLimit,
      body: UnfreezeBody,
      errors: ['invalid_credentials', 'code_invalid', 'too_many_attempts'],
      handler: ({ body }) => accounts.unfreeze(body),
    }),
    route({
      method: 'GET',
      path: '/api/account',
      summary: 'The signed-in account',
      tags,
      auth: 'user',
      response: Account,
      handler: ({ user }) => accounts.account(user),
    }),
    route({
      method: 'POST',
      path: '/api/account/password',
      summary: 'Change the password; signs out every other device',
      tags,
      auth: 'user',
      rateLimit,
      body: ChangePasswordBody,
      errors: ['invalid_credentials', 'weak_password'],
      handler: ({ user, body }) =>
        accounts.changePassword(user, body.currentPassword, body.newPassword),
    }),
    route({
      method: 'POST',
      path: '/api/account/freeze',
      summary: 'Freeze the account: every session ends and sign-in is refused until unfrozen',
      tags,
      auth: 'user',
      rateLimit,
      body: FreezeBody,
      errors: ['invalid_credentials'],
      handler: ({ user, body }) => accounts.freeze(user, body.password),
    }),
    route({
      method: 'GET',
      path: '/api/account/security-notices',
      summary: 'New-device, password and freeze notices, newest first',
      tags,
      auth: 'user',
      response: SecurityNoticeList,
      handler: async ({ user }) => ({ notices: await accounts.securityNotices(user) }),
    }),
  ];
}
