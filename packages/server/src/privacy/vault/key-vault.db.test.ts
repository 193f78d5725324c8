import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { after, before, it } from 'node:test';
import { sql } from 'kysely';
import { describeEachDialect } from '../../../test/harness';
import {
  createTestDatabase,
  openTestVault,
  retryingSchemaRace,
  type TestDatabase,
} from '../../../test/databases';
import { ManualClock } from '../../platform/clock';
import { openDatabase } from '../../platform/db/database';
import { generateMasterKeyText, loadMasterKey, masterKeyFrom } from './master-key';
import { KeyVaultError, openKeyVault, type OpenKeyVault } from './sql-key-vault';

/** Runs raw SQL on the vault database itself, the way an attacker with a copy could. */
async function onVaultDatabase<T>(db: TestDatabase, query: ReturnType<typeof sql<T>>) {
  const raw = openDatabase(db.vaultTarget);
  try {
    return (await query.execute(raw.db)).rows;
  } finally {
    await raw.close();
  }
}

const wrappedKeyOf = async (db: TestDatabase, subjectId: string) =>
  (
    await onVaultDatabase(
      db,
      sql<{
        wrapped_key: string;
      }>`select wrapped_key from subject_keys where subject_id = ${subjectId}`,
    )
  )[0]?.wrapped_key;

const vaultSubjects = async (db: TestDatabase) =>
  (await onVaultDatabase(db, sql<{ subject_id: string }>`select subject_id from subject_keys`)).map(
    (r) => r.subject_id,
  );

/** The bytes of the vault's SQLite file and its WAL, as a backup would copy them. */
const vaultFileBytes = (db: TestDatabase) =>
  Buffer.concat(
    ['', '-wal']
      .map((suffix) => `${(db.vaultTarget as { file: string }).file}${suffix}`)
      .filter((file) => fs.existsSync(file))
      .map((file) => fs.readFileSync(file)),
  );

describeEachDialect('key vault', (dialect) => {
  let db: TestDatabase;
  let vault: OpenKeyVault;
  before(async () => {
    db = await createTestDatabase(dialect, { migrate: false });
    vault = await openTestVault(db);
  });
  after(async () => {
    await vault.close();
    await db.drop();
  });

  it('round-trips text, with a fresh nonce every time', async () => {
    const subject = randomUUID();
    for (const text of ['Tan Mei Ling', '陈美玲', '', 'x'.repeat(10_000)]) {
      const first = await vault.encrypt(subject, text);
      const second = await vault.encrypt(subject, text);
      assert.match(first, /^v1\.[\w-]{11}\.[\w-]{16}\.[\w-]+$/);
      assert.notEqual(first, second);
      assert.equal(await vault.decrypt(subject, first), text);
      assert.equal(await vault.decrypt(subject, second), text);
    }
  });

  it('gives each subject its own key, created once even under concurrent first use', async () => {
    const subject = randomUUID();
    const sealed = await Promise.all(['a', 'b', 'c', 'd'].map((t) => vault.encrypt(subject, t)));
    const fresh = await openTestVault(db, { cacheSize: 0 });
    try {
      assert.deepEqual(await Promise.all(sealed.map((s) => fresh.decrypt(subject, s))), [
        'a',
        'b',
        'c',
        'd',
      ]);
    } finally {
      await fresh.close();
    }
    assert.notEqual(await wrappedKeyOf(db, subject), undefined);
  });

  it('never reads a ciphertext moved to another subject, and refuses an altered one', async () => {
    const mei = randomUUID();
    const ali = randomUUID();
    await vault.encrypt(ali, 'Ali has a key too');
    const sealed = await vault.encrypt(mei, 'Tan Mei Ling');
    assert.equal(await vault.decrypt(ali, sealed), undefined);
    assert.equal(await vault.decrypt(mei, sealed), 'Tan Mei Ling');
    // Relabelled with Ali's key reference, it is tried under Ali's key and fails authentication.
    const [format, ref, iv, body] = sealed.split('.');
    const aliRef = (await vault.encrypt(ali, 'x')).split('.')[1];
    await assert.rejects(
      vault.decrypt(ali, `${format}.${aliRef}.${iv}.${body}`),
      /another subject/,
    );
    const bytes = Buffer.from(body!, 'base64url');
    bytes.writeUInt8(bytes.readUInt8(0) ^ 1, 0);
    const altered = `${format}.${ref}.${iv}.${bytes.toString('base64url')}`;
    await assert.rejects(vault.decrypt(mei, altered), /altered/);
    await assert.rejects(vault.decrypt(mei, 'Tan Mei Ling'), /not a vault ciphertext/);
  });

  it('refuses a wrapped key copied onto another subject', async () => {
    const mei = randomUUID();
    const ali = randomUUID();
    await vault.encrypt(mei, 'Mei');
    const aliSealed = await vault.encrypt(ali, 'Ali');
    const meiKey = await wrappedKeyOf(db, mei);
    await onVaultDatabase(
      db,
      sql`update subject_keys set wrapped_key = ${meiKey} where subject_id = ${ali}`,
    );
    const fresh = await openTestVault(db, { cacheSize: 0 });
    try {
      await assert.rejects(fresh.decrypt(ali, aliSealed), /vault was altered/);
    } finally {
      await fresh.close();
    }
  });

  it('reads a subject that never had a key as shredded: undefined', async () => {
    const sealed = await vault.encrypt(randomUUID(), 'somebody else');
    assert.equal(await vault.decrypt(randomUUID(), sealed), undefined);
  });

  it('shred makes every value unreadable, evicts the cache, and survives a restart', async () => {
    const subject = randomUUID();
    const sealed = await vault.encrypt(subject, 'Tan Mei Ling');
    assert.equal(await vault.decrypt(subject, sealed), 'Tan Mei Ling');
    await vault.shred(subject);
    assert.equal(await vault.decrypt(subject, sealed), undefined);
    assert.equal(await wrappedKeyOf(db, subject), undefined);
    const reopened = await openTestVault(db);
    try {
      assert.equal(await reopened.decrypt(subject, sealed), undefined);
      // New data gets a new key; the old values stay unreadable.
      const later = await reopened.encrypt(subject, 'written after erasure');
      assert.equal(await reopened.decrypt(subject, later), 'written after erasure');
      assert.equal(await reopened.decrypt(subject, sealed), undefined);
    } finally {
      await reopened.close();
    }
    await vault.shred(subject);
    await vault.shred(randomUUID());
  });

  it('another node stops reading a shredded key once its short cache expires', async () => {
    const clock = new ManualClock();
    const nodeA = await openTestVault(db, { clock, cacheTtlMs: 60_000 });
    const nodeB = await openTestVault(db, { clock, cacheTtlMs: 60_000 });
    try {
      const subject = randomUUID();
      const sealed = await nodeA.encrypt(subject, 'Tan Mei Ling');
      assert.equal(await nodeB.decrypt(subject, sealed), 'Tan Mei Ling');
      await nodeA.shred(subject);
      assert.equal(await nodeA.decrypt(subject, sealed), undefined);
      clock.advance(60_000);
      assert.equal(await nodeB.decrypt(subject, sealed), undefined);
    } finally {
      await nodeA.close();
      await nodeB.close();
    }
  });

  it('refuses to open with another master key, naming both key ids', async () => {
    await vault.encrypt(randomUUID(), 'held under the right key');
    const right = loadMasterKey(undefined, db.dataDir);
    const wrong = masterKeyFrom(generateMasterKeyText());
    await assert.rejects(
      retryingSchemaRace(() => openKeyVault(db.vaultTarget, wrong)),
      (error: Error) => {
        assert.ok(error instanceof KeyVaultError);
        assert.match(error.message, new RegExp(`master key ${right.id}.*is ${wrong.id}`));
        assert.match(error.message, /MASTER_KEY/);
        return true;
      },
    );
    const again = await retryingSchemaRace(() => openKeyVault(db.vaultTarget, right));
    await again.close();
  });
});

describeEachDialect('key vault files', (dialect) => {
  let db: TestDatabase;
  let vault: OpenKeyVault;
  before(async () => {
    db = await createTestDatabase(dialect, { migrate: false });
    vault = await openTestVault(db);
  });
  after(async () => {
    await vault.close();
    await db.drop();
  });

  it('keeps the vault out of the main database', async () => {
    await vault.encrypt(randomUUID(), 'anything');
    // Asked of this schema alone: listing every schema races with other tests dropping theirs.
    const query =
      dialect === 'sqlite'
        ? sql<{
            found: string | null;
          }>`select max(name) as found from sqlite_master where name = 'subject_keys'`
        : sql<{
            found: string | null;
          }>`select to_regclass(${`${db.schema}.subject_keys`})::text as found`;
    assert.equal((await query.execute(db.db)).rows[0]?.found, null);
    assert.notEqual(await wrappedKeyOf(db, (await vaultSubjects(db))[0]!), undefined);
  });

  if (dialect !== 'sqlite') return;

  it('creates the vault file readable by its owner only', () => {
    const file = (db.vaultTarget as { file: string }).file;
    for (const suffix of ['', '-wal'])
      assert.equal(fs.statSync(`${file}${suffix}`).mode & 0o777, 0o600, `vault.sqlite${suffix}`);
  });

  it('never writes the master key into the vault file', async () => {
    for (let i = 0; i < 20; i++) await vault.encrypt(randomUUID(), `value ${i}`);
    const master = loadMasterKey(undefined, db.dataDir);
    const bytes = vaultFileBytes(db);
    assert.ok(bytes.length > 0);
    for (const form of [
      master.key,
      Buffer.from(master.key.toString('base64')),
      Buffer.from(master.key.toString('base64url')),
      Buffer.from(master.key.toString('hex')),
    ])
      assert.equal(bytes.includes(form), false);
  });

  it('overwrites a shredded key in the file and empties the WAL', async () => {
    const subject = randomUUID();
    await vault.encrypt(subject, 'Tan Mei Ling');
    const wrapped = await wrappedKeyOf(db, subject);
    assert.ok(wrapped);
    assert.ok(vaultFileBytes(db).includes(Buffer.from(wrapped)));
    await vault.shred(subject);
    assert.equal(vaultFileBytes(db).includes(Buffer.from(wrapped)), false);
    assert.equal(vaultFileBytes(db).includes(Buffer.from(subject)), false);
    const wal = `${(db.vaultTarget as { file: string }).file}-wal`;
    assert.equal(fs.existsSync(wal) ? fs.statSync(wal).size : 0, 0);
  });
});
