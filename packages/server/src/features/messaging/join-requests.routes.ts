import { ConversationParams, JoinRequestList, MemberParams } from '@carillon/protocol/messaging';
import { route, type RouteDefinition } from '../../platform/http/route';
import type { JoinRequestsService } from './join-requests.service';

const tags = ['conversations'];
const groupManager = ['not_found', 'forbidden', 'conflict'];

/** Join approval: the applicant's own requests; owners and admins list, approve and decline. */
export function joinRequestsRoutes(requests: JoinRequestsService): RouteDefinition[] {
  return [
    route({
      method: 'GET',
      path: '/api/conversations/join-requests',
      summary: 'My requests to join groups, still waiting for approval',
      tags,
      auth: 'user',
      response: JoinRequestList,
      handler: async ({ user }) => ({ requests: await requests.mine(user.userId) }),
    }),
    route({
      method: 'GET',
      path: '/api/conversations/:id/join-requests',
      summary: 'Requests waiting to join this group (owner or admin)',
      tags,
      auth: 'user',
      params: ConversationParams,
      response: JoinRequestList,
      errors: groupManager,
      handler: async ({ user, params }) => ({
        requests: await requests.pending(user.userId, params.id),
      }),
    }),
    route({
      method: 'POST',
      path: '/api/conversations/:id/join-requests/:userId/approve',
      summary: 'Let the applicant in (owner or admin); the member limit still applies',
      tags,
      auth: 'user',
      params: MemberParams,
      errors: groupManager,
      handler: ({ user, params }) => requests.approve(user.userId, params.id, params.userId),
    }),
    route({
      method: 'DELETE',
      path: '/api/conversations/:id/join-requests/:userId',
      summary: 'Decline a request to join (owner or admin)',
      tags,
      auth: 'user',
      params: MemberParams,
      errors: groupManager,
      handler: ({ user, params }) => requests.decline(user.userId, params.id, params.userId),
    }),
  ];
}
