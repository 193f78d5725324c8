import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Distinct SQL texts kept prepared; the common queries of a busy server fit many times over. */
const DEFAULT_SIZE = 500;

/**
 * The SQLite connection as Kysely sees it, with prepared statements kept and
 * reused by their SQL text (least recently used first out). Kysely prepares
 * every query afresh; parsing and planning the same few hundred statements
 * again and again was a fifth of a message send's CPU time. Statements run
 * one at a time on this single connection and none is left iterating, so
 * sharing one is safe; SQLite re-prepares a kept one itself after a schema
 * change.
 */
export function withStatementCache(
  sqlite: SQLite.Database,
  size = DEFAULT_SIZE,
): SqliteDatabase & { prepare(text: string): SQLite.Statement } {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => void sqlite.close(),
    prepare(text: string) {
      let statement = kept.get(text);
      if (statement) kept.delete(text);
      else {
        statement = sqlite.prepare(text);
        if (kept.size >= size) kept.delete(kept.keys().next().value!);
      }
      kept.set(text, statement);
      return statement;
    },
  };
}
