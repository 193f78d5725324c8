import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Keyed hashing with the server secret. One-time codes and CSRF tokens are
 * derived with it, so a stolen database alone cannot brute-force six digits.
 */
export interface Secrets {
  hmac(purpose: string, value: string): string;
}

/** Builds Secrets from a key; `purpose` separates the uses so one never stands in for another. */
export function secretsFrom(key: string): Secrets {
  return {
    hmac: (purpose, value) =>
      createHmac('sha256', key).update(purpose).update('\0').update(value).digest('base64url'),
  };
}

/**
 * The configured secret, or one generated on first start and kept in the data
 * directory. Several nodes must share SERVER_SECRET instead.
 */
export function loadServerSecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = path.join(dataDir, 'server-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  }
}
