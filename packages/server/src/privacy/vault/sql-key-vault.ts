import { createHmac, randomBytes } from 'node:crypto';
import { systemClock, type Clock } from '../../platform/clock';
import type { DatabaseTarget } from '../../platform/db/database';
import { KeyCache } from './key-cache';
import type { KeyVault } from './key-vault';
import type { MasterKey } from './master-key';
import { seal, unseal } from './sealing';
import { openVaultStore, type VaultStore } from './vault-store';

/**
 * The ciphertext format tag. `v1.<key ref>.<iv>.<ciphertext+tag>`, all base64url,
 * AES-256-GCM with the subject id as AAD.
 */
const FORMAT = 'v1';
const KEY_VERSION = 1;

/** An unwrapped data key and its reference: 8 bytes of an HMAC under the key itself. */
interface DataKey {
  key: Buffer;
  ref: string;
}

/**
 * The reference names the key a value was sealed with without revealing it.
 * After a shred the subject may get a new key; values sealed under the old
 * one then carry a reference no key has, and read as shredded, not as forged.
 */
const dataKey = (key: Buffer): DataKey => ({
  key,
  ref: createHmac('sha256', key)
    .update('carillon key ref')
    .digest()
    .subarray(0, 8)
    .toString('base64url'),
});

/** The vault cannot do what was asked: wrong master key, altered or misplaced ciphertext. */
export class KeyVaultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyVaultError';
  }
}

/** A KeyVault the process opened and must close. */
export interface OpenKeyVault extends KeyVault {
  close(): Promise<void>;
}

/** Tuning for the cache of unwrapped keys. */
export interface KeyVaultOptions {
  clock?: Clock;
  /** Unwrapped keys kept in memory at most; default 10,000. */
  cacheSize?: number;
  /** How long an unwrapped key stays cached; default 60 s. */
  cacheTtlMs?: number;
}

/** A value's AAD is its subject: it can never be opened as another person's. */
const valueAad = (subjectId: string) => Buffer.from(subjectId, 'utf8');

/** A wrapped key's AAD binds it to its subject and version, so rows cannot be swapped. */
const wrapAad = (subjectId: string, version: number) =>
  Buffer.from(`carillon subject key\0${version}\0${subjectId}`, 'utf8');

/**
 * Per-subject AES-256-GCM data keys, wrapped by the master key and stored in
 * the vault database, never in the main one (ADR 0005).
 */
export class SqlKeyVault implements OpenKeyVault {
  /** Bumped by every shred, so a key read before a shred is never cached after it. */
  private shreds = 0;

  constructor(
    private readonly store: VaultStore,
    private readonly master: MasterKey,
    private readonly clock: Clock,
    private readonly cache: KeyCache<DataKey>,
  ) {}

  async encrypt(subjectId: string, plaintext: string): Promise<string> {
    const { key, ref } = (await this.loadKey(subjectId)) ?? (await this.createKey(subjectId));
    return `${FORMAT}.${ref}.${seal(key, Buffer.from(plaintext, 'utf8'), valueAad(subjectId))}`;
  }

  async decrypt(subjectId: string, ciphertext: string): Promise<string | undefined> {
    const [format, ref] = ciphertext.split('.', 2);
    if (format !== FORMAT || !ref) throw new KeyVaultError('The value is not a vault ciphertext.');
    const current = await this.loadKey(subjectId);
    if (!current || current.ref !== ref) return undefined;
    const sealed = ciphertext.slice(FORMAT.length + ref.length + 2);
    const plaintext = unseal(current.key, sealed, valueAad(subjectId));
    if (!plaintext)
      throw new KeyVaultError(
        'A value failed authentication: it was altered, or encrypted for another subject.',
      );
    return plaintext.toString('utf8');
  }

  async shred(subjectId: string): Promise<void> {
    this.shreds++;
    this.cache.delete(subjectId);
    await this.store.remove(subjectId);
    this.cache.delete(subjectId);
  }

  async close(): Promise<void> {
    this.cache.clear();
    await this.store.close();
  }

  private async loadKey(subjectId: string): Promise<DataKey | undefined> {
    const cached = this.cache.get(subjectId);
    if (cached) return cached;
    const shredsBefore = this.shreds;
    const row = await this.store.find(subjectId);
    if (!row) return undefined;
    const key = dataKey(this.unwrap(subjectId, row.wrapped_key, row.key_version));
    if (this.shreds === shredsBefore) this.cache.set(subjectId, key);
    return key;
  }

  private async createKey(subjectId: string): Promise<DataKey> {
    const key = randomBytes(32);
    await this.store.insertIfAbsent({
      subject_id: subjectId,
      wrapped_key: this.wrap(subjectId, key, KEY_VERSION),
      key_version: KEY_VERSION,
      created_at: this.clock.now(),
    });
    // Another request or node may have stored its key first: use the stored one.
    // None at all means a shred came in between; ours is then unreadable, as it should be.
    return (await this.loadKey(subjectId)) ?? dataKey(key);
  }

  private wrap(subjectId: string, key: Buffer, version: number): string {
    return `${this.master.id}.${seal(this.master.key, key, wrapAad(subjectId, version))}`;
  }

  private unwrap(subjectId: string, wrapped: string, version: number): Buffer {
    const dot = wrapped.indexOf('.');
    const keyId = wrapped.slice(0, Math.max(dot, 0));
    if (dot > 0 && keyId !== this.master.id) throw wrongMasterKey(keyId, this.master.id);
    const key = unseal(this.master.key, wrapped.slice(dot + 1), wrapAad(subjectId, version));
    if (dot <= 0 || !key)
      throw new KeyVaultError(
        'A subject key failed authentication under the master key: the vault was altered.',
      );
    return key;
  }
}

function wrongMasterKey(stored: string, configured: string): KeyVaultError {
  return new KeyVaultError(
    `The key vault holds keys wrapped by master key ${stored}, but the configured master key is ` +
      `${configured}. Configure the MASTER_KEY (or DATA_DIR/master.key) this vault was created with.`,
  );
}

/**
 * Opens the vault database, migrates it, and refuses to go on when its keys
 * were wrapped by another master key: better to stop at start than to fail
 * on every read.
 */
export async function openKeyVault(
  target: DatabaseTarget,
  master: MasterKey,
  options: KeyVaultOptions = {},
): Promise<OpenKeyVault> {
  const store = await openVaultStore(target);
  const stored = await store.sampleMasterKeyId();
  if (stored !== undefined && stored !== master.id) {
    await store.close();
    throw wrongMasterKey(stored, master.id);
  }
  const clock = options.clock ?? systemClock;
  const cache = new KeyCache<DataKey>(
    clock,
    options.cacheSize ?? 10_000,
    options.cacheTtlMs ?? 60_000,
  );
  return new SqlKeyVault(store, master, clock, cache);
}
