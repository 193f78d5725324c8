import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, parseConfig } from '../../config';
import { isEd25519PrivateKey, parseSigningKey } from '../../platform/signing-keys';
import { checkpointSigner, loadAuditSigningKey, SIGNING_KEY_FILE } from './audit-signing';

const { privateKey } = generateKeyPairSync('ed25519');
const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const der = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');

describe('audit signing keys', () => {
  it('reads PEM, PEM with escaped newlines, and base64 PKCS#8', () => {
    const keyId = checkpointSigner(privateKey).keyId;
    for (const text of [pem, pem.replace(/\n/g, '\\n'), der])
      assert.equal(checkpointSigner(parseSigningKey(text)).keyId, keyId);
  });

  it('refuses keys that are not Ed25519 private keys', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    assert.equal(
      isEd25519PrivateKey(rsa.export({ format: 'pem', type: 'pkcs8' }).toString()),
      false,
    );
    assert.equal(isEd25519PrivateKey('not a key'), false);
    assert.equal(isEd25519PrivateKey(pem), true);
  });

  it('is checked with the configuration at start', () => {
    assert.equal(parseConfig({ AUDIT_SIGNING_KEY: der }).auditSigningKey, der);
    assert.throws(
      () => parseConfig({ AUDIT_SIGNING_KEY: 'not a key' }),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.problems.some((p) => p.startsWith('AUDIT_SIGNING_KEY: must be an Ed25519')),
    );
  });

  it('generates a key on first start with mode 0600, and keeps it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carillon-audit-key-'));
    try {
      const first = checkpointSigner(loadAuditSigningKey(undefined, dir)).keyId;
      const file = path.join(dir, SIGNING_KEY_FILE);
      assert.equal(fs.statSync(file).mode & 0o777, 0o600);
      assert.equal(checkpointSigner(loadAuditSigningKey(undefined, dir)).keyId, first);
      const configured = checkpointSigner(loadAuditSigningKey(der, dir)).keyId;
      assert.equal(configured, checkpointSigner(privateKey).keyId);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('signs checkpoints that only the same key verifies', () => {
    const signer = checkpointSigner(privateKey);
    const unsigned = { seq: 100, hash: 'a'.repeat(64), at: 42 };
    const checkpoint = { ...unsigned, key_id: signer.keyId, signature: signer.sign(unsigned) };
    assert.equal(signer.check(checkpoint), 'valid');
    assert.equal(signer.check({ ...checkpoint, seq: 101 }), 'invalid');
    const other = checkpointSigner(generateKeyPairSync('ed25519').privateKey);
    assert.equal(other.check(checkpoint), 'unknown_key');
  });
});
