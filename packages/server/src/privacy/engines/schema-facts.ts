import { sql } from 'kysely';
import type { DatabaseHandle } from '../../platform/db/database';

/** What the engines must know about a live column to overwrite it. */
export interface ColumnFacts {
  nullable: boolean;
  numeric: boolean;
}

/** Keys and columns of one live table, as the database reports them. */
export interface TableFacts {
  columns: Map<string, ColumnFacts>;
  /** Primary-key columns in key order; the engines page by them. */
  primaryKey: string[];
  /** Column to the table it references. */
  foreignKeys: Map<string, string>;
}

/** The database handle parts the engines read schema facts from. */
export type SchemaSource = Pick<DatabaseHandle, 'db' | 'dialect' | 'schema'>;

interface ColumnRow {
  table: string;
  column: string;
  nullable: boolean;
  type: string;
}

interface KeyRow {
  table: string;
  column: string;
  kind: 'p' | 'f';
  referenced: string | null;
}

async function sqliteFacts(source: SchemaSource, tables: string[]) {
  const columns: ColumnRow[] = [];
  const keys: KeyRow[] = [];
  for (const table of tables) {
    const info = await sql<{ name: string; type: string; notnull: number; pk: number }>`
      select name, type, "notnull", pk from pragma_table_info(${table}) order by cid`.execute(
      source.db,
    );
    for (const r of info.rows)
      columns.push({
        table,
        column: r.name,
        nullable: r.notnull === 0 && r.pk === 0,
        type: r.type,
      });
    for (const r of info.rows.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk))
      keys.push({ table, column: r.name, kind: 'p', referenced: null });
    const fks = await sql<{ from: string; table: string }>`
      select "from", "table" from pragma_foreign_key_list(${table})`.execute(source.db);
    for (const r of fks.rows) keys.push({ table, column: r.from, kind: 'f', referenced: r.table });
  }
  return { columns, keys };
}

/**
 * Reads the catalog of our schema only: introspecting every schema would race
 * with other schemas of the same server being dropped (tests do, in parallel).
 */
async function postgresFacts(source: SchemaSource) {
  const schema = source.schema ?? 'public';
  const columns = await sql<ColumnRow>`
    select c.relname as "table", a.attname as "column", not a.attnotnull as nullable,
           format_type(a.atttypid, a.atttypmod) as type
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${schema} and c.relkind in ('r', 'p') and a.attnum > 0
      and not a.attisdropped`.execute(source.db);
  const keys = await sql<KeyRow & { position: number }>`
    select cl.relname as "table", a.attname as "column", c.contype as kind,
           rf.relname as referenced, array_position(c.conkey, a.attnum) as position
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid
    join pg_namespace n on n.oid = cl.relnamespace
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
    left join pg_class rf on rf.oid = c.confrelid
    where n.nspname = ${schema} and c.contype in ('p', 'f')
    order by cl.relname, c.contype, position`.execute(source.db);
  return { columns: columns.rows, keys: keys.rows };
}

const NUMERIC = /int|numeric|decimal|real|double|float/i;

/** Reads columns, primary keys and foreign keys of the given tables from the live schema. */
export async function readSchemaFacts(
  source: SchemaSource,
  tables: string[],
): Promise<Map<string, TableFacts>> {
  const wanted = new Set(tables);
  const { columns, keys } =
    source.dialect === 'sqlite' ? await sqliteFacts(source, tables) : await postgresFacts(source);
  const facts = new Map<string, TableFacts>();
  for (const c of columns) {
    if (!wanted.has(c.table)) continue;
    let table = facts.get(c.table);
    if (!table)
      facts.set(c.table, (table = { columns: new Map(), primaryKey: [], foreignKeys: new Map() }));
    table.columns.set(c.column, { nullable: c.nullable, numeric: NUMERIC.test(c.type) });
  }
  for (const key of keys) {
    const table = facts.get(key.table);
    if (!table) continue;
    if (key.kind === 'p') table.primaryKey.push(key.column);
    else if (key.referenced) table.foreignKeys.set(key.column, key.referenced);
  }
  return facts;
}

/**
 * Orders tables so that every table comes before the tables it references:
 * deleting in this order never leaves a child row pointing at a deleted parent.
 */
export function childrenFirst(tables: string[], facts: Map<string, TableFacts>): string[] {
  const depth = new Map<string, number>();
  // A table's depth is the longest chain of tables referencing it; parents sort last.
  const depthOf = (table: string, seen: Set<string>): number => {
    const known = depth.get(table);
    if (known !== undefined) return known;
    let deepest = 0;
    for (const [child, f] of facts) {
      if (child === table || seen.has(child)) continue;
      if ([...f.foreignKeys.values()].includes(table))
        deepest = Math.max(deepest, 1 + depthOf(child, new Set([...seen, table])));
    }
    depth.set(table, deepest);
    return deepest;
  };
  return [...tables]
    .map((table, index) => ({ table, index, depth: depthOf(table, new Set()) }))
    .sort((a, b) => a.depth - b.depth || a.index - b.index)
    .map((t) => t.table);
}

/** Reads the facts of every manifest table once, on first use; a failed read is retried. */
export function cachedFacts(
  source: SchemaSource,
  tables: () => string[],
): () => Promise<Map<string, TableFacts>> {
  let facts: Promise<Map<string, TableFacts>> | undefined;
  return () => {
    facts ??= readSchemaFacts(source, tables()).catch((error: unknown) => {
      facts = undefined;
      throw error;
    });
    return facts;
  };
}
