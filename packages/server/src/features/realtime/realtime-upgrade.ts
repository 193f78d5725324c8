import { RealtimeQuery } from '@carillon/protocol/realtime';
import type { FastifyRequest } from 'fastify';
import { readCredential, unauthenticated, userCookies } from '../../platform/http/credentials';
import type { UserActor } from '../../platform/http/route';
import { AppError } from '../../platform/errors';

/** Who may open the socket, and from which cursor. */
export interface UpgradeGrant {
  user: UserActor;
  after: number | undefined;
}

/**
 * Checks an upgrade request before the handshake, throwing the standard
 * errors (401, 403, 400) that the error handler answers with. A browser sends
 * cookies with a WebSocket from any site and WebSockets have no CORS, so a
 * cookie-authenticated upgrade must come from a page of this server
 * (cross-site WebSocket hijacking). Bearer tokens are never sent implicitly.
 */
export function upgradeChecker(
  authenticate: (request: FastifyRequest) => Promise<UserActor | undefined>,
  publicUrl: string,
) {
  const publicOrigin = new URL(publicUrl).origin;
  return async (request: FastifyRequest): Promise<UpgradeGrant> => {
    const credential = readCredential(request, userCookies);
    if (!credential) throw unauthenticated();
    if (credential.via === 'cookie' && !isOwnOrigin(request, publicOrigin))
      throw new AppError('forbidden', 'Open the real-time connection from pages of this server.');
    const user = await authenticate(request);
    if (!user) throw unauthenticated();
    const query = RealtimeQuery.safeParse(request.query);
    if (!query.success)
      throw new AppError('validation_failed', '`after` must be a cursor: a whole number ≥ 0.');
    return { user, after: query.data.after };
  };
}

function isOwnOrigin(request: FastifyRequest, publicOrigin: string): boolean {
  const origin = request.headers.origin;
  return origin === publicOrigin || origin === `${request.protocol}://${request.host}`;
}
