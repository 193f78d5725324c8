import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

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
 * The configured Ed25519 key, or one generated on first start into
 * `dataDir/fileName` (mode 0600), as the server secret is. Nodes of a cluster
 * must share the configured key instead, or each signs with its own.
 */
export function loadSigningKey(
  configured: string | undefined,
  dataDir: string,
  fileName: string,
): KeyObject {
  if (configured) return parseSigningKey(configured);
  const file = path.join(dataDir, fileName);
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
