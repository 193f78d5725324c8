import {
  AddMembersBody,
  AddMembersResult,
  Conversation,
  ConversationList,
  ConversationParams,
  CreateGroupBody,
  CreateInviteBody,
  InviteLink,
  InviteQrQuery,
  JoinGroupBody,
  JoinResult,
  MemberList,
  MemberParams,
  MemberSettingsBody,
  OpenDirectBody,
  SetRoleBody,
  TransferOwnershipBody,
  UpdateGroupBody,
} from '@carillon/protocol/messaging';
import { route, type RouteDefinition } from '../../platform/http/route';
import type { ConversationsService } from './conversations.service';
import type { DirectChatsService } from './direct-chats.service';
import type { GroupAdminService } from './group-admin.service';

const tags = ['conversations'];
const member = ['not_found'];
const manager = ['not_found', 'forbidden'];
/** Group-only actions answer `409` in a one-to-one chat. */
const groupManager = [...manager, 'conflict'];

/** Conversation routes: groups, one-to-one chats, invites, joining, leaving and running a group. */
export function conversationsRoutes(
  conversations: ConversationsService,
  direct: DirectChatsService,
  admin: GroupAdminService,
): RouteDefinition[] {
  return [
    route({
      method: 'POST',
      path: '/api/conversations/direct',
      summary:
        'Open my one-to-one chat with a contact, or with a colleague in organizationId (the existing one if there is one)',
      tags,
      auth: 'user',
      body: OpenDirectBody,
      response: Conversation,
      errors: ['forbidden', 'not_found'],
      handler: ({ user, body }) => direct.open(user.userId, body.userId, body.organizationId),
    }),
    route({
      method: 'POST',
      path: '/api/conversations',
      summary: 'Create a group; the creator is its owner',
      tags,
      auth: 'user',
      body: CreateGroupBody,
      response: Conversation,
      status: 201,
      errors: ['not_found', 'feature_disabled'],
      handler: ({ user, body }) => conversations.createGroup(user.userId, body),
    }),
    route({
      method: 'GET',
      path: '/api/conversations',
      summary: 'My conversations: pinned first, then by last activity, with unread counts',
      tags,
      auth: 'user',
      response: ConversationList,
      handler: async ({ user }) => ({ conversations: await conversations.list(user.userId) }),
    }),
    route({
      method: 'GET',
      path: '/api/conversations/:id',
      summary: 'One conversation',
      tags,
      auth: 'user',
      params: ConversationParams,
      response: Conversation,
      errors: member,
      handler: ({ user, params }) => conversations.get(user.userId, params.id),
    }),
    route({
      method: 'PATCH',
      path: '/api/conversations/:id',
      summary: 'Rename a group or set its announcement (owner or admin)',
      tags,
      auth: 'user',
      params: ConversationParams,
      body: UpdateGroupBody,
      response: Conversation,
      errors: groupManager,
      handler: ({ user, params, body }) => conversations.update(user.userId, params.id, body),
    }),
    route({
      method: 'DELETE',
      path: '/api/conversations/:id',
      summary: 'Dissolve a group: every message and membership is deleted (owner)',
      tags,
      auth: 'user',
      params: ConversationParams,
      errors: groupManager,
      handler: ({ user, params }) => admin.dissolve(user.userId, params.id),
    }),
    route({
      method: 'PUT',
      path: '/api/conversations/:id/settings',
      summary: 'Mute or pin a conversation for myself',
      tags,
      auth: 'user',
      params: ConversationParams,
      body: MemberSettingsBody,
      response: Conversation,
      errors: member,
      handler: ({ user, params, body }) => conversations.configure(user.userId, params.id, body),
    }),
    route({
      method: 'POST',
      path: '/api/conversations/:id/invites',
      summary: 'Make a signed, expiring invite link (owner or admin)',
      tags,
      auth: 'user',
      params: ConversationParams,
      body: CreateInviteBody,
      response: InviteLink,
      status: 201,
      errors: groupManager,
      handler: ({ user, params, body }) =>
        conversations.invite(user.userId, params.id, body.ttlHours),
    }),
    route({
      method: 'GET',
      path: '/api/conversations/:id/invite.svg',
      summary: 'The invite link as a QR code (SVG): of ?token=, or of a fresh one (owner or admin)',
      tags,
      auth: 'user',
      params: ConversationParams,
      query: InviteQrQuery,
      produces: 'image/svg+xml',
      errors: [...groupManager, 'token_invalid'],
      handler: async ({ user, params, query, reply }) => {
        const svg = await conversations.inviteQr(user.userId, params.id, query.token);
        return reply.type('image/svg+xml').header('cache-control', 'no-store').send(svg) as never;
      },
    }),
    route({
      method: 'POST',
      path: '/api/conversations/join',
      summary: 'Join a group with an invite token, or ask to when the group needs approval',
      tags,
      auth: 'user',
      body: JoinGroupBody,
      response: JoinResult,
      errors: ['token_invalid', 'conflict'],
      handler: ({ user, body }) => conversations.join(user.userId, body.token),
    }),
    route({
      method: 'POST',
      path: '/api/conversations/:id/leave',
      summary: 'Leave a group (the owner hands it over first)',
      tags,
      auth: 'user',
      params: ConversationParams,
      errors: ['not_found', 'conflict'],
      handler: ({ user, params }) => conversations.leave(user.userId, params.id),
    }),
    ...memberRoutes(admin),
  ];
}

function memberRoutes(admin: GroupAdminService): RouteDefinition[] {
  return [
    route({
      method: 'GET',
      path: '/api/conversations/:id/members',
      summary: 'Members of a conversation with their roles',
      tags,
      auth: 'user',
      params: ConversationParams,
      response: MemberList,
      errors: member,
      handler: async ({ user, params }) => ({
        members: await admin.members(user.userId, params.id),
      }),
    }),
    route({
      method: 'POST',
      path: '/api/conversations/:id/members',
      summary:
        'Add friends (or colleagues, in a group the organization owns); with join approval, a plain member asks the owner and admins',
      tags,
      auth: 'user',
      params: ConversationParams,
      body: AddMembersBody,
      response: AddMembersResult,
      errors: groupManager,
      handler: ({ user, params, body }) => admin.add(user.userId, params.id, body.userIds),
    }),
    route({
      method: 'DELETE',
      path: '/api/conversations/:id/members/:userId',
      summary: 'Remove a member (owner: anyone; admin: plain members)',
      tags,
      auth: 'user',
      params: MemberParams,
      errors: groupManager,
      handler: ({ user, params }) => admin.remove(user.userId, params.id, params.userId),
    }),
    route({
      method: 'PUT',
      path: '/api/conversations/:id/members/:userId/role',
      summary: 'Make a member an admin or a plain member (owner)',
      tags,
      auth: 'user',
      params: MemberParams,
      body: SetRoleBody,
      errors: groupManager,
      handler: ({ user, params, body }) =>
        admin.setRole(user.userId, params.id, params.userId, body.role),
    }),
    route({
      method: 'POST',
      path: '/api/conversations/:id/transfer',
      summary: 'Hand the group to another member (owner); the old owner becomes an admin',
      tags,
      auth: 'user',
      params: ConversationParams,
      body: TransferOwnershipBody,
      errors: groupManager,
      handler: ({ user, params, body }) => admin.transfer(user.userId, params.id, body.userId),
    }),
  ];
}
