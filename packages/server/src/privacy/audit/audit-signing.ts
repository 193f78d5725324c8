import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { loadSigningKey } from '../../platform/signing-keys';
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

/** The checkpoint key: AUDIT_SIGNING_KEY, or generated into the data directory. */
export function loadAuditSigningKey(configured: string | undefined, dataDir: string): KeyObject {
  return loadSigningKey(configured, dataDir, SIGNING_KEY_FILE);
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
