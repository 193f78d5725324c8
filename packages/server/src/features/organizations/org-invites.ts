import { randomInt, timingSafeEqual } from 'node:crypto';
import type { Secrets } from '../../platform/secrets';

const PURPOSE = 'organization-invite';
/** No 0/O or 1/I/L: codes are read aloud and typed from paper. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;

/** An invite link token: `<organization id>.<expiry ms>.<HMAC>`, so no table is needed. */
export function signOrgInvite(secrets: Secrets, organizationId: string, expiresAt: number) {
  const claim = `${organizationId}.${expiresAt}`;
  return `${claim}.${secrets.hmac(PURPOSE, claim)}`;
}

/** The organization an invite names, or undefined when forged, malformed or expired. */
export function verifyOrgInvite(secrets: Secrets, token: string, now: number) {
  const [organizationId, expiry, signature, ...rest] = token.split('.');
  if (!organizationId || !expiry || !signature || rest.length > 0) return undefined;
  const expected = Buffer.from(secrets.hmac(PURPOSE, `${organizationId}.${expiry}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return Number(expiry) > now ? organizationId : undefined;
}

/** A random short join code, about 40 bits: stored, expiring, and looked up exactly. */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}
