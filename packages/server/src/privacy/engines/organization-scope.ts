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

/** Every table with rows of one organization, counted. */
export async function organizationHeld(
  db: Kysely<Database>,
  registry: ManifestRegistry,
  organizationId: string,
): Promise<HeldTable[]> {
  const held: HeldTable[] = [];
  for (const { manifest, filter } of await organizationParts(db, registry, organizationId)) {
    const records = await countRows(loose(db), manifest.table, filter);
    if (records > 0) held.push({ manifest, filter, records, controller: 'organization' });
  }
  return held;
}

/**
 * The organizations that control data about a person, found by walking the
 * manifests: for each organization-controlled table, the distinct
 * organization ids of the person's rows; for each personal table with
 * `organizationRowsVia`, those of the parents of the person's rows.
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
    holding.tables.push({ table: manifest.table, categories });
  }
}
