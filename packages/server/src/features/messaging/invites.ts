import { timingSafeEqual } from 'node:crypto';
import type { Secrets } from '../../platform/secrets';

const PURPOSE = 'group-invite';

/** A group invite token: `<conversation id>.<expiry ms>.<HMAC>`, so no table is needed. */
export function signInvite(secrets: Secrets, conversationId: string, expiresAt: number): string {
  const claim = `${conversationId}.${expiresAt}`;
  return `${claim}.${secrets.hmac(PURPOSE, claim)}`;
}

/** The conversation an invite names, or undefined when it is forged, malformed or expired. */
export function verifyInvite(secrets: Secrets, token: string, now: number): string | undefined {
  const [conversationId, expiry, signature, ...rest] = token.split('.');
  if (!conversationId || !expiry || !signature || rest.length > 0) return undefined;
  const expected = Buffer.from(secrets.hmac(PURPOSE, `${conversationId}.${expiry}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return Number(expiry) > now ? conversationId : undefined;
}

/** The link an invite QR code carries; the app opens it and joins with the token. */
export function inviteUrl(token: string): string {
  return `carillon://conversations/join?token=${encodeURIComponent(token)}`;
}
