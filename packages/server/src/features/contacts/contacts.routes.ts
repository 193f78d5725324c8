import {
  BlockedList,
  CardParams,
  ContactList,
  ContactSettings,
  ECard,
  MatchBody,
  MatchResult,
  QrGrant,
  RedeemQrBody,
  RequestLists,
  RequestSent,
  SendRequestBody,
  UpdateContactSettingsBody,
} from '@carillon/protocol/contacts';
import { IdParams } from '@carillon/protocol/common';
import { PublicProfile } from '@carillon/protocol/profiles';
import { route, type RateLimit, type RouteDefinition } from '../../platform/http/route';
import type { ContactFinder } from './contact-finder.service';
import type { ContactsService } from './contacts.service';

const tags = ['contacts'];

/** Friends, requests and blocks. */
function relationRoutes(contacts: ContactsService): RouteDefinition[] {
  return [
    route({
      method: 'GET',
      path: '/api/contacts',
      summary: 'Your friends, with what you may see of each profile',
      tags,
      auth: 'user',
      response: ContactList,
      handler: ({ user }) => contacts.list(user.userId),
    }),
    route({
      method: 'DELETE',
      path: '/api/contacts/:id',
      summary: 'Remove a friend (for both of you)',
      tags,
      auth: 'user',
      params: IdParams,
      errors: ['not_found'],
      handler: ({ user, params }) => contacts.remove(user.userId, params.id),
    }),
    route({
      method: 'GET',
      path: '/api/contacts/requests',
      summary: 'Friend requests sent to you and by you',
      tags,
      auth: 'user',
      response: RequestLists,
      handler: ({ user }) => contacts.requests(user.userId),
    }),
    ...(['accept', 'decline'] as const).map((action) =>
      route({
        method: 'POST',
        path: `/api/contacts/requests/:id/${action}`,
        summary: `${action === 'accept' ? 'Accept' : 'Decline'} a friend request sent to you`,
        tags,
        auth: 'user',
        params: IdParams,
        errors: ['not_found', 'forbidden'],
        handler: ({ user, params }) => contacts[action](user.userId, params.id),
      }),
    ),
    route({
      method: 'DELETE',
      path: '/api/contacts/requests/:id',
      summary: 'Withdraw a friend request you sent',
      tags,
      auth: 'user',
      params: IdParams,
      errors: ['not_found'],
      handler: ({ user, params }) => contacts.withdraw(user.userId, params.id),
    }),
    route({
      method: 'GET',
      path: '/api/contacts/blocked',
      summary: 'People you blocked',
      tags,
      auth: 'user',
      response: BlockedList,
      handler: ({ user }) => contacts.blocked(user.userId),
    }),
    route({
      method: 'PUT',
      path: '/api/contacts/blocked/:id',
      summary: 'Block a person: no requests, no finding you, no messages',
      tags,
      auth: 'user',
      params: IdParams,
      errors: ['not_found'],
      handler: ({ user, params }) => contacts.block(user.userId, params.id),
    }),
    route({
      method: 'DELETE',
      path: '/api/contacts/blocked/:id',
      summary: 'Unblock a person',
      tags,
      auth: 'user',
      params: IdParams,
      handler: ({ user, params }) => contacts.unblock(user.userId, params.id),
    }),
    route({
      method: 'GET',
      path: '/api/contacts/settings',
      summary: 'Who may find you by exact phone number or e-mail',
      tags,
      auth: 'user',
      response: ContactSettings,
      handler: ({ user }) => contacts.settings(user.userId),
    }),
    route({
      method: 'PATCH',
      path: '/api/contacts/settings',
      summary: 'Let others find you by phone number or e-mail, or stop it',
      tags,
      auth: 'user',
      body: UpdateContactSettingsBody,
      response: ContactSettings,
      handler: ({ user, body }) => contacts.updateSettings(user.userId, body),
    }),
  ];
}

/** Ways to find people: phone or e-mail, QR code, e-card, address book. */
function findingRoutes(finder: ContactFinder, limit: RateLimit): RouteDefinition[] {
  return [
    route({
      method: 'POST',
      path: '/api/contacts/requests',
      summary:
        'Send a friend request by exact phone number or e-mail; the answer never says who exists',
      tags,
      auth: 'user',
      body: SendRequestBody,
      response: RequestSent,
      status: 202,
      rateLimit: limit,
      errors: ['invalid_phone'],
      handler: ({ user, body }) => finder.sendTo(user.userId, body),
    }),
    route({
      method: 'POST',
      path: '/api/contacts/qr',
      summary: 'A QR token valid for ten minutes, and the link the QR code encodes',
      tags,
      auth: 'user',
      response: QrGrant,
      handler: async ({ user }) => finder.issueQr(user.userId),
    }),
    route({
      method: 'GET',
      path: '/api/contacts/qr/image',
      summary: 'A fresh QR code (SVG) others scan to send you a friend request',
      tags,
      auth: 'user',
      produces: 'image/svg+xml',
      handler: async ({ user, reply }) => {
        const svg = await finder.qrImage(user.userId);
        return reply.type('image/svg+xml').header('cache-control', 'no-store').send(svg) as never;
      },
    }),
    route({
      method: 'POST',
      path: '/api/contacts/qr/redeem',
      summary: 'Send a friend request to the person whose QR code you scanned',
      tags,
      auth: 'user',
      body: RedeemQrBody,
      response: RequestSent,
      status: 202,
      errors: ['token_invalid'],
      handler: ({ user, body }) => finder.redeemQr(user.userId, body.token),
    }),
    route({
      method: 'GET',
      path: '/api/contacts/card',
      summary: 'Your e-card: public profile and a token others send a request from',
      tags,
      auth: 'user',
      response: ECard,
      handler: ({ user }) => finder.card(user.userId),
    }),
    route({
      method: 'GET',
      path: '/api/contacts/cards/:token',
      summary: "The profile on someone's e-card, as you may see it",
      tags,
      auth: 'user',
      params: CardParams,
      response: PublicProfile,
      errors: ['token_invalid', 'not_found'],
      handler: ({ user, params }) => finder.viewCard(user.userId, params.token),
    }),
    route({
      method: 'POST',
      path: '/api/contacts/cards/:token/request',
      summary: 'Send a friend request to the owner of an e-card',
      tags,
      auth: 'user',
      params: CardParams,
      response: RequestSent,
      status: 202,
      errors: ['token_invalid'],
      handler: ({ user, params }) => finder.redeemCard(user.userId, params.token),
    }),
    route({
      method: 'POST',
      path: '/api/contacts/match',
      summary: 'Match address-book numbers (needs the contacts_matching consent; nothing is kept)',
      tags,
      auth: 'user',
      body: MatchBody,
      response: MatchResult,
      rateLimit: limit,
      errors: ['consent_required'],
      handler: ({ user, body }) => finder.match(user.userId, body.phones),
    }),
  ];
}

/** Contacts routes (MSG-6). `limit` guards the routes that look people up. */
export function contactsRoutes(
  contacts: ContactsService,
  finder: ContactFinder,
  options: { limit: RateLimit },
): RouteDefinition[] {
  return [...relationRoutes(contacts), ...findingRoutes(finder, options.limit)];
}
