import type { LiveTable } from '../src/privacy/manifest';
import type { TestDatabase } from './databases';

/** Tables and columns as the database itself reports them (only this test's schema). */
export async function introspect(db: TestDatabase): Promise<LiveTable[]> {
  const tables = await db.db.introspection.getTables({ withInternalKyselyTables: true });
  return tables
    .filter((t) => db.dialect === 'sqlite' || t.schema === db.schema)
    .map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name) }));
}
