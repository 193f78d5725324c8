import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { IdGenerator } from '../../platform/ids';
import type { AuditLog } from '../audit/audit-log';
import { checkKey, loadTaxonomy } from '../fideslang';
import type { ManifestRegistry } from '../manifest';
import { isWithin, personalColumns } from './table-walk';

/**
 * What features ask before processing a person's data (GDPR Art. 18): a
 * restricted category is kept but neither shown to others nor changed.
 */
export interface RestrictionGuard {
  /** Columns of `table` whose data category the person restricted. */
  restrictedColumns(subjectId: string, table: string): Promise<Set<string>>;
  /** Throws `conflict` when any of `columns` of `table` is restricted. */
  assertUnrestricted(subjectId: string, table: string, columns: string[]): Promise<void>;
}

/**
 * Processing restrictions, stored per person and Fides category. A
 * restriction covers the category and every category below it.
 */
export class Restrictions implements RestrictionGuard {
  private readonly categories = loadTaxonomy().categories;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly registry: ManifestRegistry,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly audit: AuditLog | undefined,
  ) {}

  /** Restricts a category; restricting it again changes nothing. */
  async restrict(subjectId: string, category: string): Promise<void> {
    const problem = checkKey(this.categories, category, 'data category');
    if (problem)
      throw new AppError('validation_failed', `Cannot restrict: ${problem}.`, {
        issues: [{ path: 'category', message: problem }],
      });
    const inserted = await this.db
      .insertInto('restrictions')
      .values({
        id: this.ids.next(),
        subject_id: subjectId,
        category,
        created_at: this.clock.now(),
      })
      .onConflict((oc) => oc.columns(['subject_id', 'category']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0)
      await this.record(subjectId, 'processing.restricted', category);
  }

  /** Lifts a restriction of exactly this category. */
  async lift(subjectId: string, category: string): Promise<void> {
    const deleted = await this.db
      .deleteFrom('restrictions')
      .where('subject_id', '=', subjectId)
      .where('category', '=', category)
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) > 0)
      await this.record(subjectId, 'processing.restriction_lifted', category);
  }

  /** The categories a person restricted. */
  async list(subjectId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('restrictions')
      .select('category')
      .where('subject_id', '=', subjectId)
      .orderBy('category')
      .execute();
    return rows.map((r) => r.category);
  }

  /** Whether the category, or one above it, is restricted. */
  async isRestricted(subjectId: string, category: string): Promise<boolean> {
    return (await this.list(subjectId)).some((r) => isWithin(category, r));
  }

  async restrictedColumns(subjectId: string, table: string): Promise<Set<string>> {
    const manifest = this.registry.table(table);
    if (!manifest) throw new Error(`table ${table} has no personal-data manifest`);
    const restricted = await this.list(subjectId);
    if (restricted.length === 0) return new Set();
    return new Set(
      personalColumns(manifest)
        .filter((c) => restricted.some((r) => isWithin(c.category, r)))
        .map((c) => c.name),
    );
  }

  async assertUnrestricted(subjectId: string, table: string, columns: string[]): Promise<void> {
    const restricted = await this.restrictedColumns(subjectId, table);
    const blocked = columns.filter((c) => restricted.has(c));
    if (blocked.length > 0)
      throw new AppError(
        'conflict',
        'Processing of this data is restricted at your request; lift the restriction to change it.',
        { restricted: blocked },
      );
  }

  private async record(subjectId: string, action: string, category: string): Promise<void> {
    await this.audit?.record({
      actor: { kind: 'system' },
      subjectId,
      action,
      detail: { category },
    });
  }
}
