import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema';
import type { ManifestRegistry, TableManifest } from '../manifest';
import type { HeldTable } from './access-report';
import {
  countRows,
  loose,
  matches,
  personalColumns,
  resolveIdentifiers,
  subjectFilter,
  type SubjectFilter,
  type SubjectLookups,
} from './table-walk';

/** Data about a person that one organization controls, by table and category (ORG-4). */
export interface OrganizationHolding {
  organizationId: string;
  tables: { table: string; categories: string[] }[];
}

/** Where one organization's rows of a table are. */
export interface OrganizationPart {
  manifest: TableManifest;
  filter: SubjectFilter;
}

/**
 * Where an organization's rows are, table by table: the organization column
 * of organization-controlled tables, and, for personal tables with
 * `organizationRowsVia`, the rows whose parent it owns (messages in its chats).
 */
export async function organizationParts(
  db: Kysely<Database>,
  registry: ManifestRegistry,
  organizationId: string,
): Promise<OrganizationPart[]> {
  const parts: OrganizationPart[] = registry.organizationTables().map((manifest) => ({
    manifest,
    filter: { column: manifest.organization.column, values: [organizationId] },
  }));
  for (const manifest of registry.personalTables()) {
    const via = manifest.organizationRowsVia;
    if (!via) continue;
    const parents = await loose(db)
      .selectFrom(via.references)
      .select('id')
      .where(via.organizationColumn, '=', organizationId)
      .execute();
    if (parents.length > 0)
      parts.push({
        manifest,
        filter: { column: via.column, values: parents.map((p) => String(p.id)) },
      });
  }
  return parts;
}

/**
 * The organizations that own a person's account (an enterprise account,
 * ORG-3): those named in their rows of an `ownsSubject` table.
 */
export function owningOrganizations(
  db: Kysely<Database>,
  registry: ManifestRegistry,
  subjectId: string,
): Promise<string[]> {
  return ownership(db, registry, 'organizations', subjectId);
}

/** The accounts an organization owns (its enterprise accounts). */
function ownedSubjects(
  db: Kysely<Database>,
  registry: ManifestRegistry,
  organizationId: string,
): Promise<string[]> {
  return ownership(db, registry, 'subjects', organizationId);
}

/**
 * One side of the `ownsSubject` tables' pairs: the organizations owning
 * account `of`, or the accounts owned by organization `of`.
 */
async function ownership(
  db: Kysely<Database>,
  registry: ManifestRegistry,
  wanted: 'organizations' | 'subjects',
  of: string,
): Promise<string[]> {
  const found = new Set<string>();
  for (const manifest of registry.organizationTables()) {
    if (!manifest.ownsSubject || !manifest.subjectColumn) continue;
    const [given, read] =
      wanted === 'organizations'
        ? [manifest.subjectColumn, manifest.organization.column]
        : [manifest.organization.column, manifest.subjectColumn];
    const rows = await loose(db)
      .selectFrom(manifest.table)
      .select(read)
      .where(given, '=', of)
      .execute();
    for (const row of rows) if (typeof row[read] === 'string') found.add(row[read]);
  }
  return [...found].sort();
}

/**
 * Where the rest of its enterprise accounts' data is: their rows of every
 * personal table that `organizationParts` does not already cover (ORG-3:
 * everything done with such an account is the organization's).
 */
async function ownedSubjectParts(
  db: Kysely<Database>,
  registry: ManifestRegistry,
  lookups: SubjectLookups,
  organizationId: string,
): Promise<OrganizationPart[]> {
  const subjects = await ownedSubjects(db, registry, organizationId);
  if (subjects.length === 0) return [];
  const identifiers = await Promise.all(
    subjects.map((s) => resolveIdentifiers(registry, lookups, s)),
  );
  const parts: OrganizationPart[] = [];
  for (const manifest of registry.personalTables()) {
    // An organization table's rows are each their own organization's.
    if (manifest.controller === 'organization') continue;
    const filters = subjects.flatMap((s, i) => subjectFilter(manifest, s, identifiers[i]!) ?? []);
    if (filters.length === 0) continue;
    const via = manifest.organizationRowsVia;
    parts.push({
      manifest,
      filter: {
        column: filters[0]!.column,
        values: [...new Set(filters.flatMap((f) => f.values))],
        // The rows in the organization's own conversations are in its part already.
        ...(via && { owner: { via, owned: false } }),
      },
    });
  }
  return parts;
}

/**
 * Every table with rows of one organization, counted: its own parts, then
 * its enterprise accounts' other rows, filed apart in the archive.
 */
export async function organizationHeld(
  db: Kysely<Database>,
  registry: ManifestRegistry,
  lookups: SubjectLookups,
  organizationId: string,
): Promise<HeldTable[]> {
  const held: HeldTable[] = [];
  const count = async (parts: OrganizationPart[], archiveName?: (table: string) => string) => {
    for (const { manifest, filter } of parts) {
      const records = await countRows(loose(db), manifest.table, filter);
      if (records === 0) continue;
      const name = archiveName?.(manifest.table);
      held.push({
        manifest,
        filter,
        records,
        controller: 'organization',
        ...(name && { archiveName: name }),
      });
    }
  };
  await count(await organizationParts(db, registry, organizationId));
  await count(
    await ownedSubjectParts(db, registry, lookups, organizationId),
    (table) => `enterprise-accounts/${table}`,
  );
  return held;
}

/**
 * The organizations that control data about a person, found by walking the
 * manifests: for each organization-controlled table, the distinct
 * organization ids of the person's rows; for each personal table with
 * `organizationRowsVia`, those of the parents of the person's rows; and for
 * an enterprise account, its organization holds every table with its rows.
 */
export async function organizationHoldings(
  db: Kysely<Database>,
  registry: ManifestRegistry,
  lookups: SubjectLookups,
  subjectId: string,
): Promise<OrganizationHolding[]> {
  const identifiers = await resolveIdentifiers(registry, lookups, subjectId);
  const byOrganization = new Map<string, OrganizationHolding>();
  for (const manifest of registry.organizationTables()) {
    const filter = subjectFilter(manifest, subjectId, identifiers);
    if (!filter) continue;
    const column = manifest.organization.column;
    const rows = await loose(db)
      .selectFrom(manifest.table)
      .select(column)
      .distinct()
      .where(matches(filter))
      .execute();
    addHolding(
      byOrganization,
      manifest,
      rows.map((r) => r[column]),
    );
  }
  for (const manifest of registry.personalTables()) {
    const via = manifest.organizationRowsVia;
    const filter = via && subjectFilter(manifest, subjectId, identifiers);
    if (!via || !filter) continue;
    const rows = await loose(db)
      .selectFrom(`${manifest.table} as row`)
      .innerJoin(`${via.references} as parent`, 'parent.id', `row.${via.column}`)
      .select(`parent.${via.organizationColumn} as organization_id`)
      .distinct()
      .where(`row.${filter.column}`, 'in', filter.values)
      .execute();
    addHolding(
      byOrganization,
      manifest,
      rows.map((r) => r.organization_id),
    );
  }
  const owners = await owningOrganizations(db, registry, subjectId);
  if (owners.length > 0)
    for (const manifest of registry.personalTables()) {
      const filter = subjectFilter(manifest, subjectId, identifiers);
      if (!filter || (await countRows(loose(db), manifest.table, filter)) === 0) continue;
      addHolding(byOrganization, manifest, owners);
    }
  return [...byOrganization.values()].sort((a, b) =>
    a.organizationId.localeCompare(b.organizationId),
  );
}

/** Notes that each organization in `organizationIds` holds rows of `manifest`'s table. */
function addHolding(
  byOrganization: Map<string, OrganizationHolding>,
  manifest: TableManifest,
  organizationIds: unknown[],
) {
  const categories = [...new Set(personalColumns(manifest).map((c) => c.category))];
  for (const organizationId of organizationIds) {
    if (typeof organizationId !== 'string') continue;
    let holding = byOrganization.get(organizationId);
    if (!holding) byOrganization.set(organizationId, (holding = { organizationId, tables: [] }));
    if (holding.tables.some((t) => t.table === manifest.table)) continue;
    holding.tables.push({ table: manifest.table, categories });
  }
}
