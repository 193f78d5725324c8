import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema';
import {
  isPersonal,
  type ManifestRegistry,
  type OrganizationRowsVia,
  type PersonalColumn,
  type TableManifest,
} from '../manifest';

/** Kysely over tables known only at run time, from the manifests. */
export type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

/** A row of a table known only at run time. */
export type Row = Record<string, unknown>;

/** Views the typed database as one whose tables come from the manifests. */
export const loose = (db: Kysely<Database>): AnyDb => db as unknown as AnyDb;

/** The ways a table without a subject column finds a person's rows. */
export type LookupKind = NonNullable<TableManifest['subjectLookup']>['by'];

/**
 * For each lookup kind, the values that identify a person in such a column.
 * A Record, so adding a kind to the manifest type fails to compile until the
 * engines know how to resolve it.
 */
export type SubjectLookups = Record<LookupKind, (subjectId: string) => Promise<string[]>>;

/** The lookups the server knows: phone and e-mail from `users`, and the audit pseudonym. */
export function subjectLookups(
  db: Kysely<Database>,
  auditPseudonym: (subjectId: string) => string,
): SubjectLookups {
  return {
    async phone_or_email(subjectId) {
      const user = await db
        .selectFrom('users')
        .select(['phone', 'email'])
        .where('id', '=', subjectId)
        .executeTakeFirst();
      return [user?.phone, user?.email].filter((v): v is string => typeof v === 'string');
    },
    audit_pseudonym: async (subjectId) => [auditPseudonym(subjectId)],
  };
}

/** Identifying values per lookup kind, read once before anything is erased. */
export type Identifiers = Map<LookupKind, string[]>;

/** Resolves every lookup kind the manifests use. */
export async function resolveIdentifiers(
  registry: ManifestRegistry,
  lookups: SubjectLookups,
  subjectId: string,
): Promise<Identifiers> {
  const kinds = new Set(registry.personalTables().flatMap((t) => t.subjectLookup?.by ?? []));
  const found: Identifiers = new Map();
  for (const kind of kinds) found.set(kind, await lookups[kind](subjectId));
  return found;
}

/** How one table's rows about a person are found: a column and the values it may hold. */
export interface SubjectFilter {
  column: string;
  values: string[];
  /**
   * Only the rows whose parent an organization owns (`owned`), or only the
   * others: a table with `organizationRowsVia` holds both (ADR 18).
   */
  owner?: { via: OrganizationRowsVia; owned: boolean };
}

/** Rows of a table about a person that have one controller, and how to find them. */
export interface SubjectPart {
  filter: SubjectFilter;
  controller: TableManifest['controller'];
}

/** The filter for a person's rows in a table; undefined when the table cannot hold any. */
export function subjectFilter(
  table: TableManifest,
  subjectId: string,
  identifiers: Identifiers,
): SubjectFilter | undefined {
  if (table.subjectColumn) return { column: table.subjectColumn, values: [subjectId] };
  if (!table.subjectLookup) return undefined;
  const values = identifiers.get(table.subjectLookup.by) ?? [];
  return values.length > 0 ? { column: table.subjectLookup.column, values } : undefined;
}

/**
 * A person's rows in a table, split by controller: the table's own, or, for
 * a personal table with `organizationRowsVia`, the person's rows and the
 * rows that sit in something an organization owns (a message in a colleague
 * chat). Empty when the table cannot hold any.
 */
export function subjectParts(
  table: TableManifest,
  subjectId: string,
  identifiers: Identifiers,
): SubjectPart[] {
  const filter = subjectFilter(table, subjectId, identifiers);
  if (!filter) return [];
  const via = table.organizationRowsVia;
  if (!via) return [{ filter, controller: table.controller }];
  return [
    { filter: { ...filter, owner: { via, owned: false } }, controller: 'personal' },
    { filter: { ...filter, owner: { via, owned: true } }, controller: 'organization' },
  ];
}

/** The condition "this row is about the person" (and, with `owner`, "in that part"). */
export function matches(filter: SubjectFilter) {
  return (eb: ExpressionBuilder<Record<string, Row>, string>) => {
    const subject = eb(filter.column, 'in', filter.values);
    if (!filter.owner) return subject;
    const { via, owned } = filter.owner;
    const ownedParents = eb
      .selectFrom(via.references)
      .select('id')
      .where(via.organizationColumn, 'is not', null);
    return eb.and([subject, eb(via.column, owned ? 'in' : 'not in', ownedParents)]);
  };
}

/** Whether `category` lies within `scope` (the same key or one below it, on dot boundaries). */
export function isWithin(category: string, scope: string): boolean {
  return category === scope || category.startsWith(`${scope}.`);
}

/** Whether two categories overlap: one lies within the other. */
export function overlaps(a: string, b: string): boolean {
  return isWithin(a, b) || isWithin(b, a);
}

/** A named personal column of a table. */
export interface NamedColumn extends PersonalColumn {
  name: string;
}

/** The columns of a table that hold personal information. */
export function personalColumns(table: TableManifest): NamedColumn[] {
  return Object.entries(table.columns).flatMap(([name, column]) =>
    isPersonal(column) ? [{ ...column, name }] : [],
  );
}

/** Columns a person receives in an export: all but those marked `exportable: false`. */
export function exportableColumns(table: TableManifest): string[] {
  return Object.entries(table.columns)
    .filter(([, column]) => !isPersonal(column) || column.exportable !== false)
    .map(([name]) => name);
}

/** Counts a person's rows in a table. */
export async function countRows(db: AnyDb, table: string, filter: SubjectFilter): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(matches(filter))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Rows strictly after `last` in the order of `key` (a row-value comparison, spelled out). */
export function after(key: string[], last: Row) {
  return (eb: ExpressionBuilder<Record<string, Row>, string>) =>
    eb.or(
      key.map((column, i) =>
        eb.and([
          ...key.slice(0, i).map((earlier) => eb(earlier, '=', last[earlier])),
          eb(column, '>', last[column]),
        ]),
      ),
    );
}

/**
 * Keyset pagination of any query: `fetch` reads up to `pageSize` rows in key
 * order after `last` (from the start when undefined). Memory holds one page,
 * however many rows there are, and no page is skipped or repeated.
 */
export async function* pagesAfter(
  pageSize: number,
  fetch: (last: Row | undefined) => Promise<Row[]>,
): AsyncGenerator<Row[]> {
  let last: Row | undefined;
  for (;;) {
    const page = await fetch(last);
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    last = page[page.length - 1];
  }
}

/** A person's rows of one table, page by page in key order. */
export function keysetPages(
  db: AnyDb,
  table: string,
  filter: SubjectFilter,
  key: string[],
  pageSize: number,
  columns: string[],
): AsyncGenerator<Row[]> {
  return pagesAfter(pageSize, (last) => {
    let query = db
      .selectFrom(table)
      .select([...new Set([...columns, ...key])])
      .where(matches(filter));
    if (last) query = query.where(after(key, last));
    for (const column of key) query = query.orderBy(column);
    return query.limit(pageSize).execute();
  });
}
