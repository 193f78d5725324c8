import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError, parseConfig } from '../../config';
import { generateMasterKeyText, loadMasterKey, masterKeyFrom } from './master-key';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'carillon-master-key-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));
const freshDir = () => fs.mkdtempSync(path.join(scratch, 'd-'));

const problemsOf = (env: Record<string, string>) => {
  try {
    parseConfig(env);
    return [];
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
};

describe('master key', () => {
  it('is generated once into DATA_DIR/master.key, readable by the owner only', () => {
    const dir = freshDir();
    const first = loadMasterKey(undefined, dir);
    const file = path.join(dir, 'master.key');
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.equal(first.key.length, 32);
    assert.match(first.id, /^[0-9a-f]{16}$/);
    const second = loadMasterKey(undefined, dir);
    assert.deepEqual(second, first);
  });

  it('comes from MASTER_KEY when configured, and then no file is written', () => {
    const dir = freshDir();
    const text = generateMasterKeyText();
    const key = loadMasterKey(text, dir);
    assert.deepEqual(key.key, Buffer.from(text, 'base64'));
    assert.equal(fs.existsSync(path.join(dir, 'master.key')), false);
    assert.notEqual(key.id, loadMasterKey(generateMasterKeyText(), dir).id);
  });

  it('refuses a damaged key file with a message naming it', () => {
    const dir = freshDir();
    fs.writeFileSync(path.join(dir, 'master.key'), 'too short\n');
    assert.throws(() => loadMasterKey(undefined, dir), /master\.key does not hold a master key/);
  });

  it('accepts exactly 32 bytes of base64 or base64url', () => {
    const bytes = Buffer.alloc(32, 0xfb);
    assert.deepEqual(masterKeyFrom(bytes.toString('base64')).key, bytes);
    assert.deepEqual(masterKeyFrom(bytes.toString('base64url')).key, bytes);
    for (const bad of [
      '',
      Buffer.alloc(31).toString('base64'),
      Buffer.alloc(33).toString('base64'),
    ])
      assert.throws(() => masterKeyFrom(bad), /exactly 32 bytes/);
  });
});

describe('vault configuration', () => {
  const pgUrl = 'postgres://db.internal/carillon';
  const vaultUrl = 'postgres://vault.internal/carillon_vault';

  it('validates MASTER_KEY without echoing it', () => {
    const problems = problemsOf({ MASTER_KEY: 'not-a-key-but-a-secret' });
    assert.deepEqual(problems, ['MASTER_KEY: must be the base64 of 32 bytes']);
    const key = generateMasterKeyText();
    assert.equal(parseConfig({ MASTER_KEY: key }).masterKey, key);
  });

  it('requires VAULT_DATABASE_URL, another database, and MASTER_KEY with DATABASE_URL', () => {
    assert.match(problemsOf({ DATABASE_URL: pgUrl }).join('\n'), /^VAULT_DATABASE_URL: required/m);
    assert.match(
      problemsOf({ DATABASE_URL: pgUrl, VAULT_DATABASE_URL: pgUrl }).join('\n'),
      /^VAULT_DATABASE_URL: must name another database/m,
    );
    assert.match(
      problemsOf({ DATABASE_URL: pgUrl, VAULT_DATABASE_URL: vaultUrl }).join('\n'),
      /^MASTER_KEY: required/m,
    );
    const config = parseConfig({
      DATABASE_URL: pgUrl,
      VAULT_DATABASE_URL: vaultUrl,
      MASTER_KEY: generateMasterKeyText(),
    });
    assert.equal(config.vaultDatabaseUrl, vaultUrl);
    assert.equal(parseConfig({}).vaultDatabaseUrl, undefined);
  });

  it('stops the server with exit code 2 when DATABASE_URL comes without a vault', () => {
    const main = path.join(import.meta.dirname, '../../main.ts');
    const result = spawnSync(process.execPath, ['--import', 'tsx', main], {
      env: { ...process.env, DATABASE_URL: pgUrl, VAULT_DATABASE_URL: '', DATA_DIR: freshDir() },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /- VAULT_DATABASE_URL: required when DATABASE_URL is set/);
  });
});
