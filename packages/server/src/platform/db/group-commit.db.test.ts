import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { sql, type Transaction } from 'kysely';
import { describeEachDialect } from '../../../test/harness';
import { createTestDatabase, type TestDatabase } from '../../../test/databases';
import { GroupCommit } from './group-commit';
import type { Database } from './schema';

describeEachDialect('group commit', (dialect) => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    await sql`create table probe (id text primary key, n integer not null)`.execute(database.db);
  });
  after(() => database.drop());

  const insert = (trx: Transaction<Database>, id: string, n = 1) =>
    sql`insert into probe (id, n) values (${id}, ${n})`.execute(trx);
  const ids = async () =>
    (await sql<{ id: string }>`select id from probe order by id`.execute(database.db)).rows.map(
      (r) => r.id,
    );
  const transactionsSeen: number[] = [];
  /** The database's own id of the transaction a unit runs in (PostgreSQL only). */
  const transactionId = async (trx: Transaction<Database>) =>
    Number((await sql<{ id: string }>`select txid_current()::text as id`.execute(trx)).rows[0]!.id);

  it('commits concurrent units together, each with its own result', async () => {
    const commits = new GroupCommit(database.db);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        commits.run(async (trx) => {
          await insert(trx, `a${String(i).padStart(2, '0')}`);
          if (dialect === 'postgres') transactionsSeen.push(await transactionId(trx));
          return i * 10;
        }),
      ),
    );
    assert.deepEqual(
      results,
      Array.from({ length: 20 }, (_, i) => i * 10),
    );
    assert.equal((await ids()).filter((id) => id.startsWith('a')).length, 20);
    if (dialect === 'postgres')
      assert.ok(new Set(transactionsSeen).size < 20, 'units waiting together shared a transaction');
  });

  it('rolls back only the unit that throws, with everything it wrote', async () => {
    const commits = new GroupCommit(database.db);
    const outcomes = await Promise.allSettled([
      commits.run((trx) => insert(trx, 'b1')),
      commits.run(async (trx) => {
        await insert(trx, 'b2');
        throw new Error('refused');
      }),
      commits.run(async (trx) => {
        await insert(trx, 'b3');
        await insert(trx, 'b1'); // a duplicate key: this unit fails in the database
      }),
      commits.run((trx) => insert(trx, 'b4')),
    ]);
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['fulfilled', 'rejected', 'rejected', 'fulfilled'],
    );
    assert.equal((outcomes[1] as PromiseRejectedResult).reason.message, 'refused');
    assert.deepEqual(
      (await ids()).filter((id) => id.startsWith('b')),
      ['b1', 'b4'],
    );
  });

  it('runs each unit again alone when the shared transaction cannot commit', async () => {
    const commits = new GroupCommit(database.db);
    let runs = 0;
    const outcomes = await Promise.allSettled([
      commits.run((trx) => insert(trx, 'c0')),
      commits.run((trx) => insert(trx, 'c1')),
      commits.run(async (trx) => {
        runs++;
        await insert(trx, 'c2');
        // Ends the shared transaction under the batch, so its commit fails.
        if (runs === 1) await sql`rollback`.execute(trx);
      }),
      commits.run((trx) => insert(trx, 'c3')),
    ]);
    assert.ok(runs >= 2, 'the breaking unit ran again');
    assert.ok(outcomes.every((o) => o.status === 'fulfilled'));
    assert.deepEqual(
      (await ids()).filter((id) => id.startsWith('c')),
      ['c0', 'c1', 'c2', 'c3'],
    );
  });
});
