import { createCipheriv, createDecipheriv } from 'node:crypto';
import { randomBytesPooled } from '../../platform/random-pool';

const ALGORITHM = 'aes-256-gcm';
/** 96-bit random nonces, as NIST SP 800-38D recommends for GCM. */
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts and authenticates `plaintext` with AES-256-GCM, binding `aad`.
 * Returns `<iv b64url>.<ciphertext+tag b64url>`.
 */
export function seal(key: Buffer, plaintext: Buffer, aad: Buffer): string {
  const iv = randomBytesPooled(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return `${iv.toString('base64url')}.${body.toString('base64url')}`;
}

/**
 * Reverses `seal`. Undefined when the text is malformed, the key is wrong,
 * the bytes were altered, or `aad` differs from the one sealed with.
 */
export function unseal(key: Buffer, sealed: string, aad: Buffer): Buffer | undefined {
  const parts = sealed.split('.');
  if (parts.length !== 2) return undefined;
  const iv = Buffer.from(parts[0]!, 'base64url');
  const body = Buffer.from(parts[1]!, 'base64url');
  if (iv.length !== IV_BYTES || body.length < TAG_BYTES) return undefined;
  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(body.subarray(0, body.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    return undefined;
  }
}
