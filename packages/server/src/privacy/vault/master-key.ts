import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The key that wraps every subject key, and a short id naming it in each wrapped key. */
export interface MasterKey {
  /** 16 hex characters of a hash of the key: names it without revealing it, so rotation can follow. */
  id: string;
  key: Buffer;
}

/** Base64 (or base64url) of exactly 32 bytes: 43 characters and an optional `=`. */
export const MASTER_KEY_PATTERN = /^[A-Za-z0-9+/_-]{43}=?$/;

/** The file an embedded server keeps its generated master key in. */
export const MASTER_KEY_FILE = 'master.key';

/** Builds a MasterKey from its base64 text; throws when it is not 32 bytes. */
export function masterKeyFrom(text: string): MasterKey {
  const trimmed = text.trim();
  if (!MASTER_KEY_PATTERN.test(trimmed))
    throw new Error('A master key must be the base64 encoding of exactly 32 bytes.');
  const key = Buffer.from(trimmed, 'base64');
  const id = createHash('sha256')
    .update('carillon master key id\0')
    .update(key)
    .digest('hex')
    .slice(0, 16);
  return { id, key };
}

/** A fresh random master key as base64 text. */
export function generateMasterKeyText(): string {
  return randomBytes(32).toString('base64');
}

/**
 * The configured MASTER_KEY, or the one generated on first start into
 * DATA_DIR/master.key (mode 0600). That file must be backed up apart from
 * the data directory: without it no encrypted value can be read again.
 */
export function loadMasterKey(configured: string | undefined, dataDir: string): MasterKey {
  if (configured) return masterKeyFrom(configured);
  const file = path.join(dataDir, MASTER_KEY_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    fs.mkdirSync(dataDir, { recursive: true });
    text = generateMasterKeyText();
    // 'wx' never overwrites: a key another process just wrote wins, and we read it.
    try {
      fs.writeFileSync(file, `${text}\n`, { mode: 0o600, flag: 'wx' });
    } catch (writeError) {
      if ((writeError as NodeJS.ErrnoException).code !== 'EEXIST') throw writeError;
      text = fs.readFileSync(file, 'utf8');
    }
  }
  try {
    return masterKeyFrom(text);
  } catch {
    throw new Error(`${file} does not hold a master key (base64 of 32 bytes).`);
  }
}
