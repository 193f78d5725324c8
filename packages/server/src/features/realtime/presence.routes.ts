import { PresenceSettings } from '@carillon/protocol/realtime';
import { route, type RouteDefinition } from '../../platform/http/route';
import type { PresenceService } from './presence.service';

/** The caller's presence privacy setting (PRIV-19). */
export function presenceRoutes(presence: PresenceService): RouteDefinition[] {
  const tags = ['realtime'];
  return [
    route({
      method: 'GET',
      path: '/api/presence/settings',
      summary: 'Whether people who may watch you see when you were last online',
      tags,
      auth: 'user',
      response: PresenceSettings,
      handler: ({ user }) => presence.settings(user.userId),
    }),
    route({
      method: 'PATCH',
      path: '/api/presence/settings',
      summary: 'Show or hide when you were last online',
      tags,
      auth: 'user',
      body: PresenceSettings,
      response: PresenceSettings,
      handler: ({ user, body }) => presence.updateSettings(user.userId, body),
    }),
  ];
}
