import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import SQLite from 'better-sqlite3';
import type { OwnProfile } from '@carillon/protocol/profiles';
import { describeEachDialect, useTestApp, type TestApp } from '../../../test/harness';
import { bearer, registerUser } from '../../../test/factories';

/** Values distinctive enough that finding their bytes anywhere means a leak. */
const secrets = {
  realName: 'Tan Mei Ling',
  birthday: '1990-04-17',
  enterpriseEmail: 'mei.tan@example.com',
};
const sealedColumns = ['real_name', 'gender', 'birthday', 'work_region', 'enterprise_email'];

type RawProfile = Record<string, string | number | null>;

/** Signs Mei up and fills in her profile, sharing her real name publicly. */
async function meiWithProfile(t: TestApp) {
  const mei = await registerUser(t, { nickname: 'Mei' });
  const response = await t.request({
    method: 'PATCH',
    url: '/api/profile',
    headers: bearer(mei.token),
    payload: {
      ...secrets,
      gender: 'female',
      workRegion: 'Singapore',
      visibility: { realName: 'public', birthday: 'public' },
    },
  });
  assert.equal(response.statusCode, 200, response.body);
  return mei;
}

/** The main SQLite database and its WAL, copied the way a file backup would. */
function copySqliteDatabase(t: TestApp, into: string): string {
  const source = path.join(t.db.dataDir, 'carillon.sqlite');
  const copy = path.join(into, 'backup.sqlite');
  for (const suffix of ['', '-wal'])
    if (fs.existsSync(`${source}${suffix}`))
      fs.copyFileSync(`${source}${suffix}`, `${copy}${suffix}`);
  return copy;
}

/** Every byte of a SQLite database on disk, WAL included. */
const fileBytes = (file: string) =>
  Buffer.concat(
    ['', '-wal']
      .filter((s) => fs.existsSync(`${file}${s}`))
      .map((s) => fs.readFileSync(`${file}${s}`)),
  );

/** The profile row as a backup holds it: SQLite read-only from the copy, PostgreSQL in memory. */
function readCopiedRow(copy: string, userId: string): RawProfile {
  const backup = new SQLite(copy, { readonly: true, fileMustExist: true });
  try {
    return backup.prepare('select * from profiles where user_id = ?').get(userId) as RawProfile;
  } finally {
    backup.close();
  }
}

async function selectRawRow(t: TestApp, userId: string): Promise<RawProfile> {
  return (await t.db.db
    .selectFrom('profiles')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow()) as unknown as RawProfile;
}

describeEachDialect('crypto-shredding (PRIV-7, PRIV-13)', (dialect) => {
  const t = useTestApp(dialect);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'carillon-backup-'));
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('stores the optional profile fields only as ciphertexts', async () => {
    const mei = await meiWithProfile(t());
    const row = await selectRawRow(t(), mei.userId);
    for (const column of sealedColumns) assert.match(String(row[column]), /^v1\./, column);
    assert.equal(row.nickname, 'Mei');
    if (dialect !== 'sqlite') return;
    const bytes = fileBytes(copySqliteDatabase(t(), fs.mkdtempSync(path.join(scratch, 'x-'))));
    for (const value of Object.values(secrets))
      assert.equal(bytes.includes(Buffer.from(value)), false, `${value} is in the database file`);
  });

  it('makes a backup taken before erasure unreadable after it', async () => {
    const mei = await meiWithProfile(t());
    const copy =
      dialect === 'sqlite' ? copySqliteDatabase(t(), fs.mkdtempSync(path.join(scratch, 'y-'))) : '';
    const held =
      dialect === 'sqlite' ? readCopiedRow(copy, mei.userId) : await selectRawRow(t(), mei.userId);
    // Before erasure, whoever holds the vault can read the backup.
    assert.equal(await t().vault.decrypt(mei.userId, String(held.real_name)), secrets.realName);

    await t().vault.shred(mei.userId);

    const backup = dialect === 'sqlite' ? readCopiedRow(copy, mei.userId) : held;
    for (const column of sealedColumns) {
      const ciphertext = String(backup[column]);
      assert.match(ciphertext, /^v1\./, `${column} is still in the backup`);
      assert.equal(await t().vault.decrypt(mei.userId, ciphertext), undefined, column);
    }
    const bytes = dialect === 'sqlite' ? fileBytes(copy) : Buffer.from(JSON.stringify(backup));
    for (const value of Object.values(secrets))
      assert.equal(bytes.includes(Buffer.from(value)), false, `${value} is in the backup`);
  });

  it('reads shredded fields as empty, for the owner and for everyone else', async () => {
    const mei = await meiWithProfile(t());
    await t().vault.shred(mei.userId);
    const own = await t().request({
      method: 'GET',
      url: '/api/profile',
      headers: bearer(mei.token),
    });
    assert.equal(own.statusCode, 200);
    const profile = own.json() as OwnProfile;
    assert.equal(profile.nickname, 'Mei');
    for (const field of [
      'realName',
      'gender',
      'birthday',
      'workRegion',
      'enterpriseEmail',
    ] as const)
      assert.equal(profile[field], null, field);
    const seen = await t().request({ method: 'GET', url: `/api/users/${mei.userId}/profile` });
    assert.deepEqual(Object.keys(seen.json()).sort(), ['avatarUrl', 'nickname', 'userId']);
  });

  it('keeps another subject readable when one is shredded', async () => {
    const mei = await meiWithProfile(t());
    const ali = await meiWithProfile(t());
    await t().vault.shred(mei.userId);
    const seen = await t().request({ method: 'GET', url: `/api/users/${ali.userId}/profile` });
    assert.equal(seen.json().realName, secrets.realName);
  });
});
