import type { TableManifest } from '../manifest';
import type { ErasureScope } from './data-engines';
import type { TableFacts } from './schema-facts';
import { isWithin, personalColumns, type NamedColumn } from './table-walk';

/** What erasure does to a person's rows in one table. */
export type TablePlan =
  | { kind: 'none' }
  | { kind: 'delete'; files: string[] }
  | { kind: 'overwrite'; values: Record<string, null | string | number>; files: string[] };

/** Written into NOT NULL text columns whose value is erased but whose row stays. */
export const ERASED_PLACEHOLDER = 'erased';

/** Methods that remove a value; anything else (`keep_pseudonymous`) is left alone. */
const ERASING = new Set(['delete', 'anonymize', 'shred']);

/** Whether erasure touches a column at all. */
export const isErasable = (column: NamedColumn) => ERASING.has(column.erase);

/** Whether a column lies within an erasure scope. */
export function inScope(scope: ErasureScope, category: string): boolean {
  return scope.kind === 'all' || scope.categories.some((s) => isWithin(category, s));
}

/** Keys and the subject column identify rows; they go with their row unless declared `anonymize`. */
function isOverwritable(column: NamedColumn, table: TableManifest, facts: TableFacts): boolean {
  if (column.erase === 'anonymize') return true;
  return (
    column.name !== table.subjectColumn &&
    !facts.primaryKey.includes(column.name) &&
    !facts.foreignKeys.has(column.name)
  );
}

/** NULL where the column allows it, otherwise the manifest's empty value or a fixed placeholder. */
function replacement(column: NamedColumn, facts: TableFacts): null | string | number {
  const live = facts.columns.get(column.name);
  if (!live || live.nullable) return null;
  return column.erasedValue ?? (live.numeric ? 0 : ERASED_PLACEHOLDER);
}

/**
 * Decides, from the manifest alone, how erasure treats a table's rows about
 * a person:
 * - nothing in scope: untouched;
 * - every erasable column in scope (the subject column aside, when erasing by
 *   category) and none asks to keep the row (`anonymize`): delete the rows;
 * - otherwise overwrite the in-scope values, except key columns and values
 *   already unreadable because the person's key is shredded.
 */
export function planTable(
  table: TableManifest,
  scope: ErasureScope,
  facts: TableFacts,
  keyShredded: boolean,
): TablePlan {
  const erasable = personalColumns(table).filter(isErasable);
  const covered = erasable.filter((c) => inScope(scope, c.category));
  if (covered.length === 0) return { kind: 'none' };
  const rest = erasable.filter((c) => scope.kind === 'all' || c.name !== table.subjectColumn);
  const whole = rest.every((c) => covered.includes(c));
  const files = covered.filter((c) => c.file).map((c) => c.name);
  if (whole && !erasable.some((c) => c.erase === 'anonymize')) return { kind: 'delete', files };
  const values: Record<string, null | string | number> = {};
  for (const column of covered) {
    if (!isOverwritable(column, table, facts)) continue;
    if (column.erase === 'shred' && keyShredded) continue;
    values[column.name] = replacement(column, facts);
  }
  if (Object.keys(values).length === 0) return { kind: 'none' };
  return { kind: 'overwrite', values, files: files.filter((f) => f in values) };
}

/**
 * Whether erasing this scope may destroy the person's key: always for
 * everything; for categories only when every encrypted column lies within
 * them and none is organization-controlled (nor in a table some of whose rows
 * organizations own), since one key protects all of a person's encrypted values.
 */
export function shredsKey(tables: TableManifest[], scope: ErasureScope): boolean {
  if (scope.kind === 'all') return true;
  // A category erasure leaves organization-controlled rows alone, so their sealed values stay.
  const sealed = (t: TableManifest) =>
    personalColumns(t)
      .filter((c) => c.erase === 'shred')
      .map((c) => ({
        ...c,
        kept: t.controller === 'organization' || t.organizationRowsVia !== undefined,
      }));
  const shredded = tables.flatMap(sealed);
  return shredded.length > 0 && shredded.every((c) => !c.kept && inScope(scope, c.category));
}

/**
 * Clears a kept organization row's link to the person: the subject column
 * becomes NULL. A column that cannot be NULL cannot be unlinked, so such
 * rows are deleted instead.
 */
function unlinkPlan(table: TableManifest, facts: TableFacts): TablePlan {
  const subject = table.subjectColumn;
  if (!subject || !facts.columns.get(subject)?.nullable) return { kind: 'delete', files: [] };
  return { kind: 'overwrite', values: { [subject]: null }, files: [] };
}

/**
 * What erasing a person does to a table, or to one part of it (ADR 14, 18).
 * Personal rows follow `planTable`. Organization-controlled rows (the
 * table's, or, with `controller: 'organization'`, a personal table's rows
 * in something an organization owns) are the organization's to decide: a
 * category erasure a person asks for leaves them alone (the request is
 * routed to the organization's administrators), and erasing the whole
 * account erases them as their columns say (`onPersonErased: 'erase'`) or
 * keeps the organization's copy with the person unlinked (`keep`).
 */
export function planPersonErasure(
  table: TableManifest,
  scope: ErasureScope,
  facts: TableFacts,
  keyShredded: boolean,
  controller: TableManifest['controller'] = table.controller,
): TablePlan {
  if (controller === 'organization') {
    if (scope.kind !== 'all') return { kind: 'none' };
    const rule = table.organization?.onPersonErased ?? table.organizationRowsVia?.onPersonErased;
    if (rule === 'keep') return unlinkPlan(table, facts);
  }
  return planTable(table, scope, facts, keyShredded);
}
