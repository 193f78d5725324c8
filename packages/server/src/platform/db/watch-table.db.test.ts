import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../../../test/databases';
import { openDatabase, type DatabaseHandle } from './database';
import type { Database } from './schema';
import { watchTable } from './watch-table';

/** The test's own tables, outside the app's schema types. */
type Probe = {
  parents: { id: string };
  children: { key: string; parent_id: string; n: number };
};
const probe = (db: Kysely<Database>) => db as unknown as Kysely<Probe>;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const watchChildren = (db: Kysely<Database>, onChange: (key: string) => void) =>
  watchTable(db, 'children' as never, 'key' as never, onChange);

describe('watching a table (SQLite)', () => {
  let database: TestDatabase;
  let other: DatabaseHandle;
  before(async () => {
    database = await createTestDatabase('sqlite', { migrate: false });
    await sql`create table parents (id text primary key)`.execute(database.db);
    await sql`create table children (
      key text primary key,
      parent_id text not null references parents (id) on delete cascade,
      n integer not null
    )`.execute(database.db);
    // A second connection to the same file, as a command-line job or another process would open.
    other = openDatabase(database.target);
  });
  after(async () => {
    await other.close();
    await database.drop();
  });

  async function seed(parent: string, ...keys: string[]) {
    await probe(database.db).insertInto('parents').values({ id: parent }).execute();
    for (const key of keys)
      await probe(database.db)
        .insertInto('children')
        .values({ key, parent_id: parent, n: 0 })
        .execute();
  }

  it('reports the key of every row updated or deleted, not of rows inserted', async () => {
    const heard: string[] = [];
    const watch = watchChildren(database.db, (key) => heard.push(key))!;
    await seed('p1', 'a', 'b', 'c');
    assert.deepEqual(heard, []);
    await probe(database.db).updateTable('children').set({ n: 1 }).where('key', '=', 'a').execute();
    await probe(database.db).deleteFrom('children').where('key', 'in', ['b', 'c']).execute();
    assert.deepEqual(heard, ['a', 'b', 'c']);
    watch.stop();
  });

  it('reports rows a cascade deletes, and changes later rolled back', async () => {
    const heard: string[] = [];
    const watch = watchChildren(database.db, (key) => heard.push(key))!;
    await seed('p2', 'd', 'e');
    await probe(database.db).deleteFrom('parents').where('id', '=', 'p2').execute();
    assert.deepEqual(heard.sort(), ['d', 'e']);
    await seed('p3', 'f');
    await assert.rejects(
      database.db.transaction().execute(async (trx) => {
        await probe(trx).deleteFrom('children').where('key', '=', 'f').execute();
        throw new Error('changed my mind');
      }),
    );
    assert.deepEqual(heard.sort(), ['d', 'e', 'f']);
    watch.stop();
  });

  it('tells every listener until it stops, and refuses a second key column', async () => {
    const first: string[] = [];
    const second: string[] = [];
    const a = watchChildren(database.db, (key) => first.push(key))!;
    const b = watchChildren(database.db, (key) => second.push(key))!;
    await seed('p4', 'g', 'h');
    await probe(database.db).deleteFrom('children').where('key', '=', 'g').execute();
    b.stop();
    await probe(database.db).deleteFrom('children').where('key', '=', 'h').execute();
    assert.deepEqual(first, ['g', 'h']);
    assert.deepEqual(second, ['g']);
    assert.throws(
      () => watchTable(database.db, 'children' as never, 'parent_id' as never, () => {}),
      /already watched by key/,
    );
    a.stop();
  });

  it("notices another connection's commits on the next turn, once, and not its own", async () => {
    const heard: string[] = [];
    const watch = watchChildren(database.db, (key) => heard.push(key))!;
    await seed('p5', 'i', 'j');
    await nextTurn();
    assert.equal(watch.changedElsewhere(), false);
    await probe(other.db).deleteFrom('children').where('key', '=', 'i').execute();
    assert.deepEqual(heard, [], 'its triggers belong to the watching connection only');
    await nextTurn();
    assert.equal(watch.changedElsewhere(), true);
    await nextTurn();
    assert.equal(watch.changedElsewhere(), false);
    // Within one turn it looks once: a commit made after that look shows on the next turn.
    await probe(other.db).deleteFrom('children').where('key', '=', 'j').execute();
    assert.equal(watch.changedElsewhere(), false);
    await nextTurn();
    assert.equal(watch.changedElsewhere(), true);
    watch.stop();
  });

  it('keeps its triggers in its own connection, not in the database file', async () => {
    const watch = watchChildren(database.db, () => {})!;
    const inFile = await sql<{ name: string }>`
      select name from sqlite_master where type = 'trigger'`.execute(other.db);
    const inConnection = await sql<{ name: string }>`
      select name from sqlite_temp_master where type = 'trigger' order by name`.execute(
      database.db,
    );
    assert.deepEqual(inFile.rows, []);
    assert.deepEqual(
      inConnection.rows.map((r) => r.name),
      ['carillon_changed_children_delete', 'carillon_changed_children_update'],
    );
    watch.stop();
  });
});

describe('watching a table (PostgreSQL)', () => {
  it('is not offered: other nodes write unseen', async () => {
    // A pool connects on its first query; this one never makes any.
    const handle = openDatabase({ dialect: 'postgres', url: TEST_DATABASE_URL });
    try {
      assert.equal(
        watchChildren(handle.db, () => {}),
        undefined,
      );
    } finally {
      await handle.close();
    }
  });
});
