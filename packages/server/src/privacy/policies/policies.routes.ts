import {
  LanguageQuery,
  PolicyDocument,
  PolicyList,
  PolicyVersionInfo,
  PolicyVersionParams,
  PublishPolicyBody,
} from '@carillon/protocol/privacy';
import { route, type RouteDefinition } from '../../platform/http/route';
import { pickLanguage } from './language';
import type { PoliciesService } from './policies.service';

/** Policy texts may be long; everything else keeps the server's small default. */
const PUBLISH_BODY_LIMIT = 512 * 1024;

/** Public policy documents and the operator's publishing route (PRIV-1, PRIV-3). */
export function policiesRoutes(
  policies: PoliciesService,
  prevailing: PolicyDocument['prevailingLanguage'],
): RouteDefinition[] {
  const tags = ['policies'];
  return [
    route({
      method: 'GET',
      path: '/api/policies',
      summary: 'Every published version of the privacy policy, newest first',
      tags,
      auth: 'none',
      response: PolicyList,
      handler: () => policies.list(),
    }),
    route({
      method: 'GET',
      path: '/api/policies/current',
      summary: 'The current privacy policy, in the language asked for or the prevailing one',
      tags,
      auth: 'none',
      query: LanguageQuery,
      response: PolicyDocument,
      handler: ({ query, request }) =>
        policies.document(
          'current',
          pickLanguage(query.lang, request.headers['accept-language'], prevailing),
        ),
    }),
    route({
      method: 'GET',
      path: '/api/policies/:version',
      summary: 'One version of the privacy policy; every past version stays readable here',
      tags,
      auth: 'none',
      params: PolicyVersionParams,
      query: LanguageQuery,
      response: PolicyDocument,
      errors: ['not_found'],
      handler: ({ params, query, request }) =>
        policies.document(
          params.version,
          pickLanguage(query.lang, request.headers['accept-language'], prevailing),
        ),
    }),
    route({
      method: 'POST',
      path: '/api/operator/policies',
      summary: 'Publish a new policy version; a significant one asks everyone to accept again',
      tags: ['operator', ...tags],
      auth: 'operator',
      body: PublishPolicyBody,
      bodyLimit: PUBLISH_BODY_LIMIT,
      response: PolicyVersionInfo,
      status: 201,
      errors: ['conflict'],
      handler: ({ body, operator }) => policies.publish(body, operator.operatorId),
    }),
  ];
}
