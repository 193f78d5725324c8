import { createHash, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { loadSigningKey } from '../../platform/signing-keys';

/** Where the generated key lives when RECEIPT_SIGNING_KEY is not set. */
export const RECEIPT_KEY_FILE = 'receipt-signing-key.pem';

/** The public half of the receipt key as an RFC 8037 JWK, with its RFC 7638 thumbprint as `kid`. */
export interface ReceiptJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

/** Signs consent receipts as compact JWS (RFC 7515) with EdDSA (RFC 8037). */
export interface ReceiptSigner {
  readonly jwk: ReceiptJwk;
  sign(payload: object): string;
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** The receipt key: RECEIPT_SIGNING_KEY, or generated into the data directory. */
export function loadReceiptSigningKey(configured: string | undefined, dataDir: string): KeyObject {
  return loadSigningKey(configured, dataDir, RECEIPT_KEY_FILE);
}

/** The public JWK of an Ed25519 key, `kid` being its RFC 7638 SHA-256 thumbprint. */
export function publicJwk(privateKey: KeyObject): ReceiptJwk {
  const { x } = createPublicKey(privateKey).export({ format: 'jwk' }) as { x: string };
  // RFC 7638 §3.2: the required members in lexicographic order, no whitespace.
  const thumbprint = createHash('sha256')
    .update(JSON.stringify({ crv: 'Ed25519', kty: 'OKP', x }))
    .digest('base64url');
  return { kty: 'OKP', crv: 'Ed25519', x, kid: thumbprint, alg: 'EdDSA', use: 'sig' };
}

/** A signer over one Ed25519 private key. */
export function receiptSigner(privateKey: KeyObject): ReceiptSigner {
  const jwk = publicJwk(privateKey);
  const header = base64url(JSON.stringify({ alg: 'EdDSA', typ: 'JWT', kid: jwk.kid }));
  return {
    jwk,
    sign(payload) {
      const input = `${header}.${base64url(JSON.stringify(payload))}`;
      return `${input}.${base64url(sign(null, Buffer.from(input), privateKey))}`;
    },
  };
}
