import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../platform/errors';
import { commonPasswords } from './common-passwords';

/** OWASP's argon2id baseline: 19 MiB, two passes, one lane. */
// `algorithm: 2` is Argon2id in @node-rs/argon2's (const) enum.
const argonOptions = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 10;

/**
 * NIST SP 800-63B style rule: long enough, not a well-known password, not
 * built from the account's own identifiers. No composition rules.
 */
export function checkPasswordStrength(password: string, identifiers: string[] = []): void {
  const problems: string[] = [];
  if ([...password].length < MIN_PASSWORD_LENGTH)
    problems.push(`Use at least ${MIN_PASSWORD_LENGTH} characters.`);
  const lowered = password.toLowerCase();
  if (commonPasswords.has(lowered) || /^(.)\1+$/.test(password))
    problems.push('This password is among the most commonly used; choose another.');
  for (const id of identifiers) {
    const core = id.replace(/^\+/, '').toLowerCase().split('@')[0]!;
    if (core.length >= 4 && lowered.includes(core))
      problems.push('Do not build the password from your phone number or e-mail.');
  }
  if (problems.length > 0) throw new AppError('weak_password', problems.join(' '), { problems });
}

/** Hashes a password with argon2id; the result embeds its parameters and salt. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, argonOptions);
}

/** Constant-time check of a password against a stored argon2 hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A real hash of a random value, compared against when an account does not exist, so timing does not tell. */
export const decoyHash = hash('decoy-password-for-timing', argonOptions);
