import { IdParams } from '@carillon/protocol/common';
import { OwnProfile, PublicProfile, UpdateProfileBody } from '@carillon/protocol/profiles';
import { z } from 'zod';
import { route, type RouteDefinition } from '../../platform/http/route';

const AvatarQuery = z.object({ v: z.string().max(64).optional() });
import { AVATAR_MAX_BYTES } from './avatar';
import type { ProfilesService } from './profiles.service';

/** Profile routes: own profile, avatar, and profiles of others as visibility allows. */
export function profilesRoutes(profiles: ProfilesService): RouteDefinition[] {
  const tags = ['profiles'];
  return [
    route({
      method: 'GET',
      path: '/api/profile',
      summary: 'Your own profile with every field and its visibility',
      tags,
      auth: 'user',
      response: OwnProfile,
      handler: ({ user }) => profiles.own(user.userId),
    }),
    route({
      method: 'PATCH',
      path: '/api/profile',
      summary: 'Change profile fields and who may see them; null clears a field',
      tags,
      auth: 'user',
      body: UpdateProfileBody,
      response: OwnProfile,
      errors: ['conflict'],
      handler: ({ user, body }) => profiles.update(user.userId, body),
    }),
    route({
      method: 'PUT',
      path: '/api/profile/avatar',
      summary: 'Upload an avatar as the raw body (image bytes); metadata is stripped',
      tags,
      auth: 'user',
      body: 'binary',
      bodyLimit: AVATAR_MAX_BYTES,
      response: OwnProfile,
      errors: ['invalid_image', 'payload_too_large', 'unsupported_media_type', 'conflict'],
      handler: ({ user, body }) => profiles.setAvatar(user.userId, body),
    }),
    route({
      method: 'DELETE',
      path: '/api/profile/avatar',
      summary: 'Remove your avatar',
      tags,
      auth: 'user',
      errors: ['conflict'],
      handler: ({ user }) => profiles.removeAvatar(user.userId),
    }),
    route({
      method: 'GET',
      path: '/api/users/:id/profile',
      summary: "A person's profile as the caller may see it (no sign-in needed for public fields)",
      tags,
      auth: 'optional',
      params: IdParams,
      response: PublicProfile,
      errors: ['not_found'],
      handler: ({ user, params }) => profiles.visibleTo(user?.userId, params.id),
    }),
    route({
      method: 'GET',
      path: '/api/users/:id/avatar',
      summary: "A person's avatar (WebP); avatars are public",
      tags,
      auth: 'none',
      params: IdParams,
      query: AvatarQuery,
      produces: 'image/webp',
      errors: ['not_found'],
      handler: async ({ params, query, reply }) => {
        const avatar = await profiles.avatar(params.id);
        // Only a URL naming this exact picture may be cached for good.
        const cache =
          query.v === avatar.version
            ? 'public, max-age=31536000, immutable'
            : 'public, max-age=0, must-revalidate';
        return reply.type('image/webp').header('cache-control', cache).send(avatar.bytes) as never;
      },
    }),
  ];
}
