import type { FastifyRequest } from 'fastify';
import type { UserActor } from '../../platform/http/route';
import type { ConsentService } from './consent.service';

/** The day our Global Privacy Control support last changed, for `/.well-known/gpc.json`. */
export const GPC_LAST_UPDATE = '2026-11-25';

/** Whether a request carries the Global Privacy Control signal (`Sec-GPC: 1`). */
export function hasGpcSignal(request: FastifyRequest): boolean {
  return request.headers['sec-gpc'] === '1';
}

/**
 * Wraps the user authenticator so that every signed-in request carrying
 * `Sec-GPC: 1` withdraws the person's live grants for purposes that rest on
 * opt-out (method `gpc`) before the route runs. Requests without the signal
 * cost nothing extra.
 */
export function honouringGpc(
  authenticate: (request: FastifyRequest) => Promise<UserActor | undefined>,
  consents: Pick<ConsentService, 'applyGpcSignal'>,
): (request: FastifyRequest) => Promise<UserActor | undefined> {
  return async (request) => {
    const actor = await authenticate(request);
    if (actor && hasGpcSignal(request)) await consents.applyGpcSignal(actor.userId);
    return actor;
  };
}
