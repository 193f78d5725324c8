import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { sql } from 'kysely';
import { registerFilledPerson, type FilledPerson } from '../../../test/engine-fixtures';
import { bearer } from '../../../test/factories';
import { describeEachDialect, useTestApp, type TestApp } from '../../../test/harness';
import type { TestDatabase } from '../../../test/databases';

/** Every file under a directory, recursively. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** Which of the values occur in the raw bytes of any file of the data directory. */
function foundOnDisk(dataDir: string, values: string[]): string[] {
  const contents = filesUnder(dataDir).map((file) => fs.readFileSync(file));
  return values.filter((v) => contents.some((bytes) => bytes.includes(Buffer.from(v, 'utf8'))));
}

/**
 * Which of the values any column of any table holds (PostgreSQL: no file to
 * scan), in the order asked: the columns are walked in catalog order.
 */
async function foundInTables(db: TestDatabase, values: string[]): Promise<string[]> {
  // Only this test's schema: other tests drop theirs meanwhile.
  const { rows: columns } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = ${db.schema}`.execute(db.db);
  const found = new Set<string>();
  for (const { table_name, column_name } of columns)
    for (const value of values) {
      const { rows } = await sql<{ n: string }>`
        select count(*) as n from ${sql.table(table_name)}
        where cast(${sql.ref(column_name)} as text) like ${`%${value}%`}`.execute(db.db);
      if (Number(rows[0]!.n) > 0) found.add(value);
    }
  return values.filter((value) => found.has(value));
}

/** The plaintext an erasure must remove: contact data, names and the profile's fields. */
const plaintexts = (p: FilledPerson) => [
  p.phone,
  p.phone.slice(1),
  p.nickname,
  p.realName,
  p.workRegion,
  p.enterpriseEmail,
];

async function addRecipients(t: TestApp, subjectId: string) {
  for (const [recipient, categories] of [
    ['Payroll Partner Ltd', ['user.name', 'user.contact.email']],
    ['Travel Desk Pte', ['user.contact.phone_number']],
  ] as const)
    await t.db.db
      .insertInto('data_recipients')
      .values({
        id: `${recipient.slice(0, 6)}-${subjectId}`.slice(0, 36),
        subject_id: subjectId,
        recipient,
        purpose: 'business travel',
        categories: JSON.stringify(categories),
        created_at: t.clock.now(),
      })
      .execute();
}

describeEachDialect('erasure', (dialect) => {
  const testApp = useTestApp(dialect);

  it('erases everything about a person: no plaintext is left anywhere in the data directory', async () => {
    const t = testApp();
    const person = await registerFilledPerson(t);
    const bystander = await registerFilledPerson(t);
    await addRecipients(t, person.userId);
    const needles = plaintexts(person);
    const scan = async (values: string[]) =>
      dialect === 'sqlite' ? foundOnDisk(t.db.dataDir, values) : foundInTables(t.db, values);
    assert.deepEqual(await scan([person.phone, person.nickname]), [person.phone, person.nickname]);
    const sealed = await t.db.db
      .selectFrom('profiles')
      .select('real_name')
      .where('user_id', '=', person.userId)
      .executeTakeFirstOrThrow();

    const result = await t.app.dataEngines.erase(person.userId, { kind: 'all' });

    assert.ok(result.rowsDeleted >= 5, `deleted ${result.rowsDeleted} rows`);
    assert.equal(result.keysShredded, 1);
    assert.equal(await t.vault.decrypt(person.userId, sealed.real_name!), undefined);
    assert.deepEqual(await scan(needles), [], 'no plaintext is left');
    assert.ok(
      !fs.existsSync(
        path.join(t.config.dataDir, 'files', person.avatarHash.slice(0, 2), person.avatarHash),
      ),
    );
    const me = await t.request({
      method: 'GET',
      url: '/api/profile',
      headers: bearer(person.token),
    });
    assert.equal(me.statusCode, 401, 'the session went with the account');

    const notices = await t.db.db
      .selectFrom('deletion_notices')
      .selectAll()
      .where('subject_id', '=', person.userId)
      .orderBy('recipient')
      .execute();
    assert.deepEqual(
      notices.map((n) => [n.recipient, JSON.parse(n.categories)]),
      [
        ['Payroll Partner Ltd', ['user.name', 'user.contact.email']],
        ['Travel Desk Pte', ['user.contact.phone_number']],
      ],
    );
    const other = await t.request({
      method: 'GET',
      url: '/api/profile',
      headers: bearer(bystander.token),
    });
    assert.equal(other.json().realName, bystander.realName, 'nobody else is touched');
    assert.deepEqual(await t.app.dataEngines.erase(person.userId, { kind: 'all' }), {
      rowsDeleted: 0,
      valuesAnonymized: 0,
      keysShredded: 1,
    });
  });

  it('erases only the categories asked for, deleting rows only when nothing else is left in them', async () => {
    const t = testApp();
    const person = await registerFilledPerson(t);
    await addRecipients(t, person.userId);

    const result = await t.app.dataEngines.erase(person.userId, {
      kind: 'categories',
      categories: ['user.contact', 'user.name'],
    });

    assert.equal(result.keysShredded, 0, 'other sealed fields still need the key');
    assert.ok(result.valuesAnonymized >= 4);
    const user = await t.db.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', person.userId)
      .executeTakeFirstOrThrow();
    assert.equal(user.phone, null);
    assert.ok(user.password_hash, 'other categories of the row stay');
    const profile = await t.request({
      method: 'GET',
      url: '/api/profile',
      headers: bearer(person.token),
    });
    assert.equal(profile.statusCode, 200, 'the account and its session remain');
    const own = profile.json();
    assert.equal(own.nickname, 'erased', 'a NOT NULL value gets the placeholder');
    assert.equal(own.realName, null);
    assert.equal(own.enterpriseEmail, null);
    assert.equal(own.workRegion, person.workRegion, 'outside the scope');
    assert.ok(own.avatarUrl, 'outside the scope');
    const outbox = await t.db.db
      .selectFrom('outbox')
      .select('id')
      .where('destination', '=', person.phone)
      .execute();
    assert.equal(outbox.length, 0, 'rows found by phone lose the phone');
    const notices = await t.db.db
      .selectFrom('deletion_notices')
      .select(['recipient', 'categories'])
      .where('subject_id', '=', person.userId)
      .orderBy('recipient')
      .execute();
    assert.deepEqual(
      notices.map((n) => JSON.parse(n.categories)),
      [['user.name', 'user.contact.email'], ['user.contact.phone_number']],
    );
  });

  it('refuses an unknown category', async () => {
    const t = testApp();
    await assert.rejects(
      t.app.dataEngines.erase('someone', { kind: 'categories', categories: ['user.shoe_size'] }),
      /unknown data category/,
    );
  });
});
