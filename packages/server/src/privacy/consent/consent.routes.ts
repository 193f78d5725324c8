import {
  AcceptPolicyBody,
  ConsentHistory,
  ConsentList,
  ConsentPurposeParams,
  ConsentPurposeView,
  ConsentReceiptResult,
  ConsentRecordParams,
  GuardianRequest,
  GuardianRequestParams,
  LanguageQuery,
  PolicyStatus,
  SetConsentBody,
  type ConsentMethod,
  type PolicyLanguage,
} from '@carillon/protocol/privacy';
import type { FastifyRequest } from 'fastify';
import { readCredential, userCookies } from '../../platform/http/credentials';
import { route, type RouteDefinition } from '../../platform/http/route';
import { pickLanguage } from '../policies/language';
import type { ConsentService } from './consent.service';
import { hasGpcSignal } from './gpc';
import type { GuardianService } from './guardian.service';
import type { ReceiptsService } from './receipts.service';

/**
 * How a signed-in request reached us: browsers hold the session cookie (the
 * app's own screens); bearer tokens belong to API clients.
 */
function methodOf(request: FastifyRequest): ConsentMethod {
  return readCredential(request, userCookies)?.via === 'cookie' ? 'ui' : 'api';
}

/** The person's privacy settings: policy acceptance, permission switches, receipts, guardians. */
export function consentRoutes(
  services: { consents: ConsentService; guardian: GuardianService; receipts: ReceiptsService },
  prevailing: PolicyLanguage,
): RouteDefinition[] {
  const { consents, guardian, receipts } = services;
  const tags = ['privacy'];
  const language = (query: { lang?: PolicyLanguage | undefined }, request: FastifyRequest) =>
    pickLanguage(query.lang, request.headers['accept-language'], prevailing);
  return [
    route({
      method: 'GET',
      path: '/api/privacy/policy/status',
      summary: 'Which policy version the account accepted, and whether it must accept again',
      tags,
      auth: 'user',
      response: PolicyStatus,
      handler: ({ user }) => consents.policyStatus(user.userId),
    }),
    route({
      method: 'POST',
      path: '/api/privacy/policy/accept',
      summary: 'Accept the current privacy policy',
      tags,
      auth: 'user',
      body: AcceptPolicyBody,
      response: PolicyStatus,
      errors: ['conflict'],
      handler: ({ user, body, request }) =>
        consents.acceptPolicy(user.userId, body.version, methodOf(request)),
    }),
    route({
      method: 'GET',
      path: '/api/privacy/consents',
      summary: 'Every function with its data, sensitivity and switch state',
      tags,
      auth: 'user',
      query: LanguageQuery,
      response: ConsentList,
      handler: ({ user, query, request }) => consents.list(user.userId, language(query, request)),
    }),
    route({
      method: 'PUT',
      path: '/api/privacy/consents/:purpose',
      summary: 'Turn an additional function on (grant) or off (withdraw)',
      tags,
      auth: 'user',
      params: ConsentPurposeParams,
      query: LanguageQuery,
      body: SetConsentBody,
      response: ConsentPurposeView,
      errors: ['not_found', 'conflict', 'consent_required'],
      handler: ({ user, params, query, body, request }) =>
        consents.set(
          user.userId,
          params.purpose,
          body.granted,
          { method: methodOf(request), gpcSignal: hasGpcSignal(request) },
          language(query, request),
        ),
    }),
    route({
      method: 'GET',
      path: '/api/privacy/consents/history',
      summary: 'Every grant, withdrawal and policy acceptance, newest first',
      tags,
      auth: 'user',
      response: ConsentHistory,
      handler: async ({ user }) => ({ records: await consents.history(user.userId) }),
    }),
    route({
      method: 'GET',
      path: '/api/privacy/consents/:recordId/receipt',
      summary: 'A grant as a Kantara Consent Receipt v1.1, with the same receipt signed as a JWS',
      tags,
      auth: 'user',
      params: ConsentRecordParams,
      query: LanguageQuery,
      response: ConsentReceiptResult,
      errors: ['not_found'],
      handler: ({ user, params, query, request }) =>
        receipts.receipt(user.userId, params.recordId, language(query, request)),
    }),
    route({
      method: 'GET',
      path: '/api/privacy/guardian',
      summary: "The signed-in child's request for a guardian's consent",
      tags,
      auth: 'user',
      response: GuardianRequest,
      errors: ['not_found'],
      handler: ({ user }) => guardian.mine(user.userId),
    }),
    route({
      method: 'POST',
      path: '/api/privacy/guardian/:requestId/approve',
      summary: "Approve a child's account as their guardian",
      tags,
      auth: 'user',
      params: GuardianRequestParams,
      response: GuardianRequest,
      errors: ['not_found', 'forbidden', 'conflict'],
      handler: ({ user, params }) => guardian.approve(user.userId, params.requestId),
    }),
  ];
}
