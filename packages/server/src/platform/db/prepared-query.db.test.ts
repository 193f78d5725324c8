import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { describeEachDialect } from '../../../test/harness';
import { createTestDatabase, type TestDatabase } from '../../../test/databases';
import { PreparedQuery, slot } from './prepared-query';
import type { Database } from './schema';

/** The test's own table, outside the app's schema types. */
const probe = (db: Kysely<Database>) =>
  db as unknown as Kysely<{ probe: { id: string; n: number; tag: string } }>;

const byTagAbove = new PreparedQuery((db) =>
  probe(db)
    .selectFrom('probe')
    .select(['id', 'n'])
    .where('tag', '=', slot<string>(0))
    .where('n', '>', slot<number>(1))
    .where('id', '!=', 'skipped')
    .orderBy('n'),
);

const bump = new PreparedQuery((db) =>
  probe(db)
    .updateTable('probe')
    .set((eb) => ({ n: eb('n', '+', slot<number>(1)) }))
    .where('tag', '=', slot<string>(0))
    .where('n', '<', slot<number>(1)),
);

describeEachDialect('prepared queries', (dialect) => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    await sql`create table probe (id text primary key, n integer not null, tag text not null)`.execute(
      database.db,
    );
    await sql`insert into probe (id, n, tag) values
      ('a', 1, 'x'), ('b', 2, 'x'), ('c', 3, 'y'), ('skipped', 9, 'x')`.execute(database.db);
  });
  after(() => database.drop());

  it('binds new values on every run and keeps the constants the query was built with', async () => {
    assert.deepEqual(await byTagAbove.rows(database.db, 'x', 0), [
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
    ]);
    assert.deepEqual(await byTagAbove.rows(database.db, 'x', 1), [{ id: 'b', n: 2 }]);
    assert.deepEqual(await byTagAbove.first(database.db, 'y', 0), { id: 'c', n: 3 });
    assert.equal(await byTagAbove.first(database.db, 'z', 0), undefined);
  });

  it('passes one argument to every place its slot appears, and counts the rows a write changed', async () => {
    // n < 2 matches only 'a' (1), which becomes 1 + 2 = 3.
    assert.equal(await bump.affected(database.db, 'x', 2), 1);
    assert.deepEqual(await byTagAbove.rows(database.db, 'x', 2), [{ id: 'a', n: 3 }]);
  });

  it('runs inside a transaction, which sees its own writes', async () => {
    await database.db.transaction().execute(async (trx) => {
      assert.equal(await bump.affected(trx, 'y', 10), 1);
      assert.deepEqual(await byTagAbove.rows(trx, 'y', 0), [{ id: 'c', n: 13 }]);
    });
  });

  it("never lets a query from outside see another transaction's uncommitted writes", async () => {
    const before = await byTagAbove.rows(database.db, 'y', 0);
    const trx = await database.db.startTransaction().execute();
    assert.equal(await bump.affected(trx, 'y', 100), 1);
    // SQLite has one connection: the outside read waits for the transaction; PostgreSQL reads the committed row.
    const outside = byTagAbove.rows(database.db, 'y', 0);
    await trx.rollback().execute();
    assert.deepEqual(await outside, before);
  });
});
