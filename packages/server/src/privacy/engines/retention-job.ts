import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/schema';
import type { FileStore } from '../../platform/files/file-store';
import type { IdGenerator } from '../../platform/ids';
import type { AuditLog } from '../audit/audit-log';
import type { ManifestRegistry, TableManifest } from '../manifest';
import { planTable, type TablePlan } from './erase-plan';
import { erasureOrder } from './erase-engine';
import { collectHashes, releaseUnreferenced } from './file-release';
import type { TableFacts } from './schema-facts';
import { loose, overlaps, personalColumns, type AnyDb, type Row } from './table-walk';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The retention period (in days) each organization set for the data it controls. */
export type OrganizationPeriods = () => Promise<{ organizationId: string; days: number }[]>;

/** What the retention job changes and reads. */
export interface RetentionDependencies {
  db: Kysely<Database>;
  registry: ManifestRegistry;
  facts: () => Promise<Map<string, TableFacts>>;
  files: FileStore;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditLog | undefined;
  /** Organizations' own periods for tables whose manifest says where they count from. */
  organizationPeriods: OrganizationPeriods;
  /** Rows removed per statement, so no run holds a long lock; default 500. */
  batchSize?: number;
}

/** What one run removed, per table and in total. */
export interface RetentionSummary {
  id: string;
  startedAt: number;
  finishedAt: number;
  rowsDeleted: number;
  valuesAnonymized: number;
  tables: Record<string, { rowsDeleted: number; valuesAnonymized: number }>;
}

type Where = (eb: ExpressionBuilder<Record<string, Row>, string>) => ReturnType<typeof eb.and>;

/** Rows whose key is one of `rows`' keys. */
function keyIn(key: string[], rows: Row[]): Where {
  return (eb) => eb.or(rows.map((r) => eb.and(key.map((k) => eb(k, '=', r[k])))));
}

/** Rows not yet overwritten, so anonymized rows are not counted again on the next run. */
function pending(values: Record<string, unknown>): Where {
  return (eb) =>
    eb.or(
      Object.entries(values).map(([column, value]) =>
        value === null
          ? eb(column, 'is not', null)
          : eb.or([eb(column, '<>', value), eb(column, 'is', null)]),
      ),
    );
}

/**
 * Rows past their period at `now`. A period set by another row (`setBy`, an
 * organization's own setting) is read per row in the same statement, with
 * the manifest's days where that row has none.
 */
function expiredBefore(manifest: TableManifest, now: number): Where {
  const retention = manifest.retention as Extract<TableManifest['retention'], { kind: 'days' }>;
  const { from, setBy } = retention;
  if (!setBy) return (eb) => eb.and([eb(from, '<', now - retention.days * DAY_MS)]);
  const days = sql`coalesce((select s.${sql.ref(setBy.column)} from ${sql.table(setBy.table)} s where s.id = ${sql.ref(`${manifest.table}.${setBy.key}`)}), ${retention.days})`;
  return (eb) => eb.and([eb(from, '<', sql<number>`${now} - ${days} * cast(${DAY_MS} as bigint)`)]);
}

/**
 * An organization's rows of a table older than `cutoff`, counted from the
 * column its manifest names: the organization column of an
 * organization-controlled table, or, with `organizationRowsVia`, the rows
 * whose parent the organization owns. Undefined where its period does not apply.
 */
function organizationExpired(
  manifest: TableManifest,
  organizationId: string,
  cutoff: number,
): Where | undefined {
  const scope = manifest.controller === 'organization' ? manifest.organization : undefined;
  if (scope?.retentionFrom) {
    const from = scope.retentionFrom;
    return (eb) => eb.and([eb(from, '<', cutoff), eb(scope.column, '=', organizationId)]);
  }
  const via = manifest.organizationRowsVia;
  if (!via?.retentionFrom) return undefined;
  const from = via.retentionFrom;
  return (eb) =>
    eb.and([
      eb(from, '<', cutoff),
      eb(
        via.column,
        'in',
        eb
          .selectFrom(via.references)
          .select('id')
          .where(via.organizationColumn, '=', organizationId),
      ),
    ]);
}

/**
 * Expired rows are deleted, whatever erasure would keep of them, unless the
 * manifest keeps rows by anonymizing them. Per-person keys cannot be shredded
 * for single rows, so sealed values of kept rows are overwritten.
 */
function retentionPlan(manifest: TableManifest, facts: TableFacts): TablePlan {
  const columns = personalColumns(manifest);
  if (columns.some((c) => c.erase === 'anonymize'))
    return planTable(manifest, { kind: 'all' }, facts, false);
  return { kind: 'delete', files: columns.filter((c) => c.file).map((c) => c.name) };
}

/**
 * Retention (PRIV-8): walks the manifests and, for every table with a rule
 * `{ kind: 'days' }` (and, for organization-controlled tables, every period an
 * organization set for its own rows), deletes rows older than the period, or overwrites their
 * personal values where the manifest keeps the row (`anonymize`). Rows of a
 * person who restricted one of the table's categories are held (Art. 18:
 * restricted data is stored, not processed). Each run is logged in
 * `retention_runs` and the audit log. Deletes are idempotent, so nodes that
 * run it at the same time do no harm.
 */
export class RetentionJob {
  constructor(private readonly deps: RetentionDependencies) {}

  /** Runs once over every table and returns what it removed. */
  async run(): Promise<RetentionSummary> {
    const { db, registry, clock, ids } = this.deps;
    const startedAt = clock.now();
    const summary: RetentionSummary = {
      id: ids.next(),
      startedAt,
      finishedAt: startedAt,
      rowsDeleted: 0,
      valuesAnonymized: 0,
      tables: {},
    };
    const periods = await this.deps.organizationPeriods();
    const add = (table: string, counts: { rowsDeleted: number; valuesAnonymized: number }) => {
      if (counts.rowsDeleted + counts.valuesAnonymized === 0) return;
      const sum = (summary.tables[table] ??= { rowsDeleted: 0, valuesAnonymized: 0 });
      sum.rowsDeleted += counts.rowsDeleted;
      sum.valuesAnonymized += counts.valuesAnonymized;
      summary.rowsDeleted += counts.rowsDeleted;
      summary.valuesAnonymized += counts.valuesAnonymized;
    };
    for (const { manifest, facts } of erasureOrder(registry, await this.deps.facts())) {
      if (manifest.retention.kind === 'days') {
        add(manifest.table, await this.expire(manifest, facts, expiredBefore(manifest, startedAt)));
      }
      // The organization, as controller, sets how long it keeps its own rows (ORG-4, ADR 18).
      for (const { organizationId, days } of periods) {
        const expired = organizationExpired(manifest, organizationId, startedAt - days * DAY_MS);
        if (expired) add(manifest.table, await this.expire(manifest, facts, expired));
      }
    }
    summary.finishedAt = clock.now();
    await this.log(db, summary);
    return summary;
  }

  /**
   * Runs every `everyMs` (and once soon after start) on this node, never two
   * runs at once. Returns a stop function that waits for a run in progress.
   */
  schedule(everyMs: number, onError: (error: unknown) => void): () => Promise<void> {
    let running: Promise<void> | undefined;
    const tick = () => {
      running ??= this.run()
        .then(() => undefined, onError)
        .finally(() => (running = undefined));
    };
    const first = setTimeout(tick, 1_000);
    const timer = setInterval(tick, everyMs);
    first.unref();
    timer.unref();
    return async () => {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    };
  }

  private async expire(
    manifest: TableManifest,
    facts: TableFacts,
    expired: Where,
  ): Promise<{ rowsDeleted: number; valuesAnonymized: number }> {
    const db = loose(this.deps.db);
    const plan = retentionPlan(manifest, facts);
    const counts = { rowsDeleted: 0, valuesAnonymized: 0 };
    if (plan.kind === 'none' || facts.primaryKey.length === 0) return counts;
    const held = await this.heldSubjects(manifest);
    for (;;) {
      let query = db
        .selectFrom(manifest.table)
        .select([...facts.primaryKey, ...plan.files])
        .where(expired);
      if (held.length > 0 && manifest.subjectColumn)
        query = query.where(manifest.subjectColumn, 'not in', held);
      if (plan.kind === 'overwrite') query = query.where(pending(plan.values));
      const batch = await query.limit(this.deps.batchSize ?? 500).execute();
      if (batch.length === 0) return counts;
      await this.remove(db, manifest.table, facts.primaryKey, batch, plan, counts);
      const hashes = collectHashes(batch, plan.files);
      await releaseUnreferenced(db, this.deps.registry, this.deps.files, new Set(hashes));
    }
  }

  private async remove(
    db: AnyDb,
    table: string,
    key: string[],
    batch: Row[],
    plan: Exclude<TablePlan, { kind: 'none' }>,
    counts: { rowsDeleted: number; valuesAnonymized: number },
  ) {
    if (plan.kind === 'delete') {
      const r = await db.deleteFrom(table).where(keyIn(key, batch)).executeTakeFirst();
      counts.rowsDeleted += Number(r.numDeletedRows);
      return;
    }
    const r = await db
      .updateTable(table)
      .set(plan.values)
      .where(keyIn(key, batch))
      .executeTakeFirst();
    counts.valuesAnonymized += Number(r.numUpdatedRows) * Object.keys(plan.values).length;
  }

  /** People who restricted a category of this table: their rows are kept as they are. */
  private async heldSubjects(manifest: TableManifest): Promise<string[]> {
    if (!manifest.subjectColumn) return [];
    const categories = personalColumns(manifest).map((c) => c.category);
    const rows = await this.deps.db
      .selectFrom('restrictions')
      .select(['subject_id', 'category'])
      .execute();
    const held = rows.filter((r) => categories.some((c) => overlaps(c, r.category)));
    return [...new Set(held.map((r) => r.subject_id))];
  }

  private async log(db: Kysely<Database>, s: RetentionSummary) {
    await db
      .insertInto('retention_runs')
      .values({
        id: s.id,
        started_at: s.startedAt,
        finished_at: s.finishedAt,
        rows_deleted: s.rowsDeleted,
        values_anonymized: s.valuesAnonymized,
        detail: JSON.stringify(s.tables),
      })
      .execute();
    await this.deps.audit?.record({
      actor: { kind: 'system' },
      action: 'retention.ran',
      detail: {
        run: s.id,
        rowsDeleted: s.rowsDeleted,
        valuesAnonymized: s.valuesAnonymized,
        tables: Object.keys(s.tables).length,
      },
    });
  }
}

/** A run's outcome in a few lines, for operators at a terminal. */
export function describeRetentionRun(s: RetentionSummary): string {
  const tables = Object.entries(s.tables).map(
    ([table, c]) =>
      `  ${table}: ${c.rowsDeleted} rows deleted, ${c.valuesAnonymized} values anonymized\n`,
  );
  return `Retention run ${s.id}: ${s.rowsDeleted} rows deleted, ${s.valuesAnonymized} values anonymized.\n${tables.join('')}`;
}
