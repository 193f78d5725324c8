import { sql } from 'kysely';
import type { LiveTable } from '../src/privacy/manifest';
import type { TestDatabase } from './databases';

/**
 * Tables and columns as the database itself reports them. On PostgreSQL only
 * this test's schema is read, so other tests' schemas never get in the way.
 */
export async function introspect(db: TestDatabase): Promise<LiveTable[]> {
  if (db.dialect === 'sqlite') {
    const tables = await db.db.introspection.getTables({ withInternalKyselyTables: true });
    return tables.map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name) }));
  }
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = ${db.schema} order by table_name, ordinal_position`.execute(db.db);
  const byTable = new Map<string, string[]>();
  for (const r of rows)
    byTable.set(r.table_name, [...(byTable.get(r.table_name) ?? []), r.column_name]);
  return [...byTable].map(([name, columns]) => ({ name, columns }));
}
