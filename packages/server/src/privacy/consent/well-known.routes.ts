import { GpcSupport, ReceiptKey } from '@carillon/protocol/privacy';
import { route, type RouteDefinition } from '../../platform/http/route';
import { GPC_LAST_UPDATE } from './gpc';
import type { ReceiptsService } from './receipts.service';

/** Public, well-known documents: GPC support and the receipt-signing key. */
export function wellKnownRoutes(receipts: ReceiptsService): RouteDefinition[] {
  const tags = ['privacy'];
  return [
    route({
      method: 'GET',
      path: '/.well-known/gpc.json',
      summary: 'Global Privacy Control support (W3C Privacy WG draft)',
      tags,
      auth: 'none',
      response: GpcSupport,
      handler: async () => ({ gpc: true as const, lastUpdate: GPC_LAST_UPDATE }),
    }),
    route({
      method: 'GET',
      path: '/.well-known/carillon-receipt-key.json',
      summary: 'The public key (JWK) that consent receipts are signed with',
      tags,
      auth: 'none',
      response: ReceiptKey,
      handler: async () => receipts.publicKey(),
    }),
  ];
}
