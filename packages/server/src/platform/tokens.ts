import { createHash, randomBytes } from 'node:crypto';

/** A fresh bearer token: 256 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Tokens are stored only as their SHA-256: they carry full entropy, so a fast
 * hash is enough and a leaked table cannot be replayed.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
