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
  const connection = connections.get(db.getExecutor().adapter);
  if (!connection || (!db.isTransaction && connection.sqlite.inTransaction)) return undefined;
  const statement = connection.prepare(text);
  if (statement.reader) return { rows: statement.all(parameters) as Row[] };
  return { rows: [], numAffectedRows: BigInt(statement.run(parameters).changes) };
}
