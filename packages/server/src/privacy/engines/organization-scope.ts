import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema';
import type { ManifestRegistry } from '../manifest';
import type { HeldTable } from './access-report';
import {
  countRows,
  loose,
  matches,
  personalColumns,
  resolveIdentifiers,
  subjectFilter,
  type SubjectLookups,
} from './table-walk';

/** Data about a person that one organization controls, by table and category (ORG-4). */
export interface OrganizationHolding {
  organizationId: string;
  tables: { table: string; categories: string[] }[];
}

/** Every organization-controlled table with the rows of one organization, counted. */
export async function organizationHeld(
  db: Kysely<Database>,
  registry: ManifestRegistry,
  organizationId: string,
): Promise<HeldTable[]> {
  const held: HeldTable[] = [];
  for (const manifest of registry.organizationTables()) {
    const filter = { column: manifest.organization.column, values: [organizationId] };
    const records = await countRows(loose(db), manifest.table, filter);
    if (records > 0) held.push({ manifest, filter, records });
  }
  // Rows of personal tables that sit in something the organization owns (messages in its chats).
  for (const manifest of registry.personalTables()) {
    const via = manifest.organizationRowsVia;
    if (!via) continue;
    const parents = await loose(db)
      .selectFrom(via.references)
      .select('id')
      .where(via.organizationColumn, '=', organizationId)
      .execute();
    if (parents.length === 0) continue;
    const filter = { column: via.column, values: parents.map((p) => String(p.id)) };
    const records = await countRows(loose(db), manifest.table, filter);
    if (records > 0) held.push({ manifest, filter, records });
  }
  return held;
}

/**
 * The organizations that control data about a person, found by walking the
 * manifests: for each organization-controlled table, the distinct
 * organization ids of the person's rows.
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
    const categories = [...new Set(personalColumns(manifest).map((c) => c.category))];
    for (const row of rows) {
      const organizationId = row[column];
      if (typeof organizationId !== 'string') continue;
      let holding = byOrganization.get(organizationId);
      if (!holding) byOrganization.set(organizationId, (holding = { organizationId, tables: [] }));
      holding.tables.push({ table: manifest.table, categories });
    }
  }
  return [...byOrganization.values()].sort((a, b) =>
    a.organizationId.localeCompare(b.organizationId),
  );
}
