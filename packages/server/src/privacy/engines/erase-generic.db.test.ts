import assert from 'node:assert/strict';
import path from 'node:path';
import { before, it } from 'node:test';
import { sql } from 'kysely';
import { drain, unzip } from '../../../test/engine-fixtures';
import { registerUser } from '../../../test/factories';
import { describeEachDialect, useTestApp, type TestApp } from '../../../test/harness';
import { localFileStore } from '../../platform/files/file-store';
import { uuidV7Generator } from '../../platform/ids';
import { editions } from '../editions';
import type { FeatureManifest, PersonalColumn } from '../manifest';
import { allManifests, buildManifestRegistry } from '../manifests';
import { createDataEngines, type BuiltDataEngines } from './data-engines';
import { subjectLookups } from './table-walk';

const content = (erase: PersonalColumn['erase']): PersonalColumn => ({
  category: 'user.content.private',
  purposes: ['essential.service'],
  legalBasis: 'contract',
  erase,
});
const author = (erase: PersonalColumn['erase']): PersonalColumn => ({
  ...content(erase),
  category: 'user.unique_id',
});

/**
 * A feature the engines have never seen: a journal whose comments reference
 * its entries (no cascade, so a wrong deletion order fails), and group posts
 * that stay when their author leaves. Only its manifest tells the engines.
 */
const journalManifest: FeatureManifest = {
  feature: 'journal',
  tables: [
    {
      table: 'journal_entries',
      description: 'Private journal entries.',
      subjectColumn: 'author_id',
      controller: 'personal',
      retention: { kind: 'account_lifetime' },
      columns: {
        id: { notPersonal: 'identifier' },
        author_id: author('delete'),
        body: { ...content('shred'), sensitive: true },
      },
    },
    {
      table: 'journal_comments',
      description: 'Notes on journal entries.',
      subjectColumn: 'author_id',
      controller: 'personal',
      retention: { kind: 'account_lifetime' },
      columns: {
        id: { notPersonal: 'identifier' },
        entry_id: { notPersonal: 'identifier' },
        author_id: author('delete'),
        note: content('delete'),
      },
    },
    {
      table: 'group_posts',
      description: 'Posts in a group; the conversation stays when an author leaves.',
      subjectColumn: 'author_id',
      controller: 'organization',
      organization: { column: 'org_id', onPersonErased: 'keep' },
      retention: { kind: 'account_lifetime' },
      columns: {
        id: { notPersonal: 'identifier' },
        org_id: { notPersonal: 'identifier' },
        author_id: author('delete'),
        text: content('shred'),
      },
    },
  ],
};

async function createJournalTables(t: TestApp) {
  await sql`create table journal_entries (id varchar(36) primary key,
    author_id varchar(36) not null references users(id), body text not null)`.execute(t.db.db);
  await sql`create table journal_comments (id varchar(36) primary key,
    entry_id varchar(36) not null references journal_entries(id),
    author_id varchar(36) not null references users(id), note text not null)`.execute(t.db.db);
  await sql`create table group_posts (id varchar(36) primary key, org_id varchar(36) not null,
    author_id varchar(36) references users(id), text text not null)`.execute(t.db.db);
}

function journalEngines(t: TestApp): BuiltDataEngines {
  return createDataEngines({
    database: t.db,
    registry: buildManifestRegistry([...allManifests, journalManifest]),
    lookups: subjectLookups(t.db.db, (id) => id),
    vault: t.vault,
    files: localFileStore(path.join(t.config.dataDir, 'files')),
    clock: t.clock,
    ids: uuidV7Generator(t.clock),
    edition: editions.international,
  });
}

describeEachDialect('engines cover a new feature from its manifest alone', (dialect) => {
  const testApp = useTestApp(dialect);
  before(async () => createJournalTables(testApp()));

  it('exports decrypted, then erases children before parents and keeps anonymized rows', async () => {
    const t = testApp();
    const engines = journalEngines(t);
    const { userId } = await registerUser(t);
    const seal = (text: string) => t.vault.encrypt(userId, text);
    const insert = (table: string, row: Record<string, unknown>) =>
      sql`insert into ${sql.table(table)} (${sql.join(Object.keys(row).map((c) => sql.ref(c)))})
        values (${sql.join(Object.values(row))})`.execute(t.db.db);
    await insert('journal_entries', {
      id: 'e1',
      author_id: userId,
      body: await seal('dear diary'),
    });
    await insert('journal_comments', {
      id: 'c1',
      entry_id: 'e1',
      author_id: userId,
      note: 'later',
    });
    const post = await seal('hello group');
    await insert('group_posts', { id: 'p1', org_id: 'org-1', author_id: userId, text: post });
    await insert('group_posts', { id: 'p2', org_id: 'org-2', author_id: userId, text: post });

    const zip = await unzip(await drain(await engines.exportArchive(userId)));
    const entries = JSON.parse(zip.get('data/journal_entries.json')!.toString());
    assert.equal(entries.rows[0].body, 'dear diary');
    assert.equal(zip.has('data/group_posts.json'), false, 'the organization exports its posts');
    const report = await engines.accessReport(userId);
    assert.equal(report.items.find((i) => i.table === 'group_posts')?.controller, 'organization');
    assert.deepEqual(await engines.organizationHoldings(userId), [
      {
        organizationId: 'org-1',
        tables: [{ table: 'group_posts', categories: ['user.unique_id', 'user.content.private'] }],
      },
      {
        organizationId: 'org-2',
        tables: [{ table: 'group_posts', categories: ['user.unique_id', 'user.content.private'] }],
      },
    ]);
    const orgZip = await unzip(await drain(await engines.exportOrganization('org-1')));
    const posts = JSON.parse(orgZip.get('data/group_posts.json')!.toString());
    assert.deepEqual(
      posts.rows.map((r: { id: string; text: string }) => [r.id, r.text]),
      [['p1', 'hello group']],
      "one organization's rows, decrypted with their author's key",
    );
    assert.equal(orgZip.has('data/journal_entries.json'), false, 'personal data never');

    const result = await engines.erase(userId, { kind: 'all' });

    assert.equal(result.keysShredded, 1);
    assert.equal(result.valuesAnonymized, 2, 'the posts lose their author');
    const count = async (table: string) =>
      Number(
        (await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.db.db))
          .rows[0]!.n,
      );
    assert.equal(await count('journal_entries'), 0);
    assert.equal(await count('journal_comments'), 0);
    const kept = await sql<{ author_id: string | null; text: string }>`
      select author_id, text from group_posts order by id`.execute(t.db.db);
    assert.deepEqual(kept.rows, [
      { author_id: null, text: post },
      { author_id: null, text: post },
    ]);

    const dissolved = await engines.eraseOrganization('org-1');
    assert.equal(dissolved.rowsDeleted, 1);
    const left = await sql<{ id: string }>`select id from group_posts`.execute(t.db.db);
    assert.deepEqual(left.rows, [{ id: 'p2' }], "another organization's rows stay");
    assert.equal(await t.vault.decrypt(userId, post), undefined, 'its text is unreadable now');
  });
});
