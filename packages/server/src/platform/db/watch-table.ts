import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { directConnectionOf } from './direct-sqlite';
import type { Database } from './schema';

/** A cache's view of one table's changes; `stop` ends it. */
export interface TableWatch {
  /**
   * True when another connection to the database file (a command-line job,
   * a second process) has committed since the last look. Its writes fire
   * no trigger here, so anything may have changed. It looks once per turn
   * of the event loop, at the first call: the look costs as much as reading
   * a row, and every request of a busy turn asks.
   */
  changedElsewhere(): boolean;
  stop(): void;
}

type Listener = (key: string) => void;

/** Per SQLite connection: each watched table's key column and listeners. */
const watched = new WeakMap<
  SQLite.Database,
  Map<string, { keyColumn: string; listeners: Set<Listener> }>
>();

const IDENTIFIER = /^[a-z_]+$/;

/** Installs the temporary triggers that report `table`'s changed rows to `listeners`. */
function installTriggers(sqlite: SQLite.Database, table: string, keyColumn: string) {
  const listeners = new Set<Listener>();
  const report = `carillon_changed_${table}`;
  sqlite.function(report, { deterministic: false }, (key: unknown) => {
    for (const listener of listeners) listener(String(key));
    return null;
  });
  // TEMP: the triggers live in this connection only, so the file and its other users know nothing of them.
  for (const event of ['update', 'delete'])
    sqlite.exec(
      `create temp trigger ${report}_${event} after ${event} on main.${table} ` +
        `begin select ${report}(old.${keyColumn}); end`,
    );
  return listeners;
}

/**
 * Calls `onChange` with the `keyColumn` value of every row of `table` that
 * is updated or deleted through this connection, whatever the statement:
 * a repository's, the privacy engines' erasure, a cascade from a deleted
 * account. The call comes inside the writing statement, before its
 * transaction commits; a cache that drops a row whose change then rolls
 * back only reads it again.
 *
 * SQLite only: undefined on PostgreSQL, where other nodes write unseen and
 * a cache could not be kept true.
 */
export function watchTable<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  keyColumn: keyof Database[T] & string,
  onChange: Listener,
): TableWatch | undefined {
  const connection = directConnectionOf(db);
  if (!connection) return undefined;
  if (!IDENTIFIER.test(table) || !IDENTIFIER.test(keyColumn))
    throw new Error(`cannot watch ${table}.${keyColumn}`);
  const { sqlite } = connection;
  const tables = watched.get(sqlite) ?? new Map();
  watched.set(sqlite, tables);
  let watch = tables.get(table);
  if (!watch) {
    watch = { keyColumn, listeners: installTriggers(sqlite, table, keyColumn) };
    tables.set(table, watch);
  } else if (watch.keyColumn !== keyColumn)
    throw new Error(`${table} is already watched by ${watch.keyColumn}`);
  const { listeners } = watch;
  listeners.add(onChange);

  // Moves only when another connection commits; this connection's own writes leave it be.
  const dataVersion = sqlite.prepare('pragma data_version').pluck();
  let seen = dataVersion.get();
  let lookedThisTurn = false;
  const nextTurn = () => {
    lookedThisTurn = false;
  };
  return {
    changedElsewhere() {
      if (lookedThisTurn) return false;
      lookedThisTurn = true;
      setImmediate(nextTurn);
      const now = dataVersion.get();
      if (now === seen) return false;
      seen = now;
      return true;
    },
    stop: () => void listeners.delete(onChange),
  };
}
