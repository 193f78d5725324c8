import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../../platform/errors';
import type { Secrets } from '../../platform/secrets';

/** What a contact token is for; each kind has its own HMAC purpose, so one never passes as another. */
export type ContactTokenKind = 'qr' | 'card';

/** How long tokens live: a QR code is shown face to face; an e-card is passed around. */
export const TOKEN_TTL_MS: Record<ContactTokenKind, number> = {
  qr: 10 * 60_000,
  card: 30 * 24 * 60 * 60_000,
};

const hmacPurpose = (kind: ContactTokenKind) => `contacts-${kind}-token`;

/** The one answer for any token that is not ours, not this kind, altered or expired. */
const invalid = () => new AppError('token_invalid', 'This code is not valid or has expired.');

/**
 * Signs `<userId>.<expiresAt>` with the server secret. Stateless: nothing is
 * stored, and every server node that shares SERVER_SECRET can verify it.
 */
export function signContactToken(
  secrets: Secrets,
  kind: ContactTokenKind,
  userId: string,
  now: number,
): { token: string; expiresAt: number } {
  const expiresAt = now + TOKEN_TTL_MS[kind];
  const payload = `${userId}.${expiresAt}`;
  return { token: `${payload}.${secrets.hmac(hmacPurpose(kind), payload)}`, expiresAt };
}

/** The user a valid token names; throws `token_invalid` (400) for forged or expired ones. */
export function verifyContactToken(
  secrets: Secrets,
  kind: ContactTokenKind,
  token: string,
  now: number,
): string {
  const parts = token.split('.');
  if (parts.length !== 3) throw invalid();
  const [userId, expires, signature] = parts as [string, string, string];
  const expected = Buffer.from(secrets.hmac(hmacPurpose(kind), `${userId}.${expires}`));
  const given = Buffer.from(signature);
  // Constant-time comparison, so the signature cannot be guessed byte by byte.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  if (!/^\d+$/.test(expires) || Number(expires) <= now) throw invalid();
  return userId;
}

/** The link a QR code or e-card carries; the app opens it and redeems the token. */
export function contactLink(kind: ContactTokenKind, token: string): string {
  return `carillon://contacts/${kind}?token=${encodeURIComponent(token)}`;
}
