import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { sql } from 'kysely';
import { describeEachDialect } from '../../test/harness';
import { createTestDatabase, type TestDatabase } from '../../test/databases';
import { introspect } from '../../test/live-schema';
import { buildManifestRegistry } from './manifests';

describeEachDialect('personal-data manifests cover the live schema', (dialect) => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase(dialect);
  });
  after(async () => db.drop());

  it('declares every table and column the migrations create', async () => {
    const registry = buildManifestRegistry();
    const live = await introspect(db);
    assert.ok(
      live.some((t) => t.name === 'users'),
      'introspection sees the schema',
    );
    assert.deepEqual(registry.findUndeclared(live), []);
  });

  it('fails when someone adds a table or a column without declaring it', async () => {
    await sql`create table shadow_contacts (id varchar(36) primary key, phone varchar(20))`.execute(
      db.db,
    );
    await sql`alter table profiles add column hometown varchar(80)`.execute(db.db);
    const problems = buildManifestRegistry().findUndeclared(await introspect(db));
    assert.deepEqual(problems.sort(), [
      'column profiles.hometown is not declared in its manifest',
      'table shadow_contacts is not declared in any manifest',
    ]);
  });
});
