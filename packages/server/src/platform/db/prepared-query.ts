import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import { runDirect } from './direct-sqlite';
import type { Database } from './schema';

const SLOT = '\u0000slot:';

/** Stands for the `index`-th argument of a prepared query, typed as the value it takes. */
export function slot<T>(index: number): T {
  return `${SLOT}${index}` as T;
}

/** Where each parameter of the compiled SQL comes from: an argument, or a constant of the query. */
type Binding = { arg: number } | { constant: unknown };

interface Compiled {
  query: CompiledQuery;
  bindings: Binding[];
}

/**
 * A query built and compiled once per database, then run with new values.
 * Kysely builds its operation tree and compiles it to SQL on every call;
 * on a message send that was a fifth of the CPU time, for queries whose
 * shape never changes. The builder puts `slot(i)` where argument `i` goes;
 * anything else it binds is kept as a constant. Only for fixed shapes: a
 * list whose length varies (`in`, multi-row inserts) cannot be prepared.
 */
export class PreparedQuery<Args extends readonly unknown[], Row> {
  /** Per dialect adapter: a database and its transactions share one, SQLite and PostgreSQL differ. */
  private readonly compiled = new WeakMap<object, Compiled>();

  constructor(private readonly build: (db: Kysely<Database>) => Compilable<Row>) {}

  /** The rows the query returns (selects, and writes with `returning`). */
  async rows(db: Kysely<Database>, ...args: Args): Promise<Row[]> {
    return (await this.execute(db, args)).rows;
  }

  /** The first row, if any. */
  async first(db: Kysely<Database>, ...args: Args): Promise<Row | undefined> {
    return (await this.rows(db, ...args))[0];
  }

  /** How many rows a write changed. */
  async affected(db: Kysely<Database>, ...args: Args): Promise<number> {
    return Number((await this.execute(db, args)).numAffectedRows ?? 0);
  }

  /** On SQLite straight on the connection where that is safe (direct-sqlite.ts), else through Kysely. */
  private async execute(db: Kysely<Database>, args: Args): Promise<QueryResult<Row>> {
    const { query, bindings } = this.compile(db);
    const parameters = bindings.map((b) => ('arg' in b ? args[b.arg] : b.constant));
    return (
      runDirect<Row>(db, query.sql, parameters) ??
      db.executeQuery({ ...query, parameters } as CompiledQuery<Row>)
    );
  }

  private compile(db: Kysely<Database>): Compiled {
    const adapter = db.getExecutor().adapter;
    let compiled = this.compiled.get(adapter);
    if (!compiled) {
      const query = this.build(db).compile();
      const bindings = query.parameters.map((value): Binding => {
        if (typeof value === 'string' && value.startsWith(SLOT))
          return { arg: Number(value.slice(SLOT.length)) };
        return { constant: value };
      });
      compiled = { query, bindings };
      this.compiled.set(adapter, compiled);
    }
    return compiled;
  }
}
