import type SQLite from 'better-sqlite3';
import type { Kysely, QueryResult } from 'kysely';
import type { Database } from './schema';

/** A SQLite connection that hot queries may run on without going through Kysely. */
interface DirectConnection {
  sqlite: SQLite.Database;
  prepare(text: string): SQLite.Statement;
}

/** By Kysely dialect adapter, which a database and its transactions share. */
const connections = new WeakMap<object, DirectConnection>();

/** The SQLite connection under `db`, or undefined on PostgreSQL. */
export function directConnectionOf(db: Kysely<Database>): DirectConnection | undefined {
  return connections.get(db.getExecutor().adapter);
}

/** Lets prepared queries on `db` (and its transactions) run straight on this connection. */
export function allowDirect(db: Kysely<Database>, connection: DirectConnection): void {
  connections.set(db.getExecutor().adapter, connection);
}

/**
 * Runs a compiled query straight on SQLite when that is what Kysely would do
 * anyway, or undefined when Kysely must run it. Kysely serializes the single
 * connection with a lock held for a whole transaction; a statement from
 * inside the transaction, or while none is open, runs at once in its place,
 * and is synchronous, so nothing interleaves with it. A statement from
 * outside while another transaction is open waits for Kysely's lock, as before.
 */
export function runDirect<Row>(
  db: Kysely<Database>,
  text: string,
  parameters: readonly unknown[],
): QueryResult<Row> | undefined {
  const connection = directConnectionOf(db);
  if (!connection || (!db.isTransaction && connection.sqlite.inTransaction)) return undefined;
  const statement = connection.prepare(text);
  if (statement.reader) return { rows: statement.all(parameters) as Row[] };
  return { rows: [], numAffectedRows: BigInt(statement.run(parameters).changes) };
}
