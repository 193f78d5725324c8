import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { checkpointMessage, type Checkpoint, type SignatureCheck } from './audit-chain';

/** Where the generated key lives when AUDIT_SIGNING_KEY is not set. */
export const SIGNING_KEY_FILE = 'audit-signing-key.pem';

/** Signs audit checkpoints and checks them against the same key. */
export interface CheckpointSigner {
  /** SHA-256 (hex) of the public key, stored with each checkpoint. */
  readonly keyId: string;
  /** Signs a checkpoint's position, hash and time; returns base64. */
  sign(checkpoint: Pick<Checkpoint, 'seq' | 'hash' | 'at'>): string;
  /** Whether a stored checkpoint was signed by this key. */
  check(checkpoint: Checkpoint): SignatureCheck;
}

/**
 * Reads an Ed25519 private key given as PEM (newlines may be written `\n`, as
 * environment variables often need) or as base64 PKCS#8 DER. Throws otherwise.
 */
export function parseSigningKey(text: string): KeyObject {
  const trimmed = text.trim();
  const key = trimmed.startsWith('-----BEGIN')
    ? createPrivateKey(trimmed.replace(/\\n/g, '\n'))
    : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the key is not an Ed25519 key');
  return key;
}

/** True when `text` is an Ed25519 private key parseSigningKey accepts; for config validation. */
export function isEd25519PrivateKey(text: string): boolean {
  try {
    parseSigningKey(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The configured key, or one generated on first start into the data
 * directory (mode 0600), as the server secret is. Several nodes must share
 * AUDIT_SIGNING_KEY instead, or each signs with its own key.
 */
export function loadAuditSigningKey(configured: string | undefined, dataDir: string): KeyObject {
  if (configured) return parseSigningKey(configured);
  const file = path.join(dataDir, SIGNING_KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    try {
      fs.writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process created it first; use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return parseSigningKey(fs.readFileSync(file, 'utf8'));
}

/** The key id of a public key: SHA-256 of its SPKI DER encoding, hex. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ format: 'der', type: 'spki' }))
    .digest('hex');
}

/** A signer over one Ed25519 private key. */
export function checkpointSigner(privateKey: KeyObject): CheckpointSigner {
  const publicKey = createPublicKey(privateKey);
  const keyId = keyIdOf(publicKey);
  return {
    keyId,
    sign: (checkpoint) => sign(null, checkpointMessage(checkpoint), privateKey).toString('base64'),
    check(checkpoint) {
      if (checkpoint.key_id !== keyId) return 'unknown_key';
      const signature = Buffer.from(checkpoint.signature, 'base64');
      return verify(null, checkpointMessage(checkpoint), publicKey, signature)
        ? 'valid'
        : 'invalid';
    },
  };
}
