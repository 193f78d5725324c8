import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/schema';
import type { EditionRules } from '../editions';
import type { ManifestRegistry, Retention, TableManifest } from '../manifest';
import type { AccessReport, HeldDataItem } from './data-engines';
import type { Restrictions } from './restrictions';
import {
  countRows,
  loose,
  overlaps,
  personalColumns,
  resolveIdentifiers,
  subjectParts,
  type SubjectFilter,
  type SubjectLookups,
} from './table-walk';

/** A table that holds rows about a person, with how to find them and who controls them. */
export interface HeldTable {
  manifest: TableManifest;
  filter: SubjectFilter;
  records: number;
  /** The table's controller, or the part's for a table some of whose rows organizations own. */
  controller: TableManifest['controller'];
  /** Where an export files the rows, without `.json`, when not under the table's own name. */
  archiveName?: string;
}

/** Retention in words, for people to read. */
export function describeRetention(retention: Retention): string {
  if (retention.kind === 'account_lifetime') return 'as long as the account exists';
  if (retention.kind === 'days' && retention.setBy)
    return `as your organization sets, ${retention.days} days unless changed, from ${retention.from.replaceAll('_', ' ')} (${retention.reason})`;
  if (retention.kind === 'days')
    return `${retention.days} days from ${retention.from.replaceAll('_', ' ')} (${retention.reason})`;
  // Kinds added later (`indefinite`) read as their name and reason.
  const other: { kind: string; reason?: string } = retention;
  return other.reason ? `${other.kind.replaceAll('_', ' ')} (${other.reason})` : other.kind;
}

/** Where data of a category comes from, by the category's Fides branch; first match wins. */
const SOURCES: [string, string][] = [
  ['user.device', 'the devices and networks you used'],
  ['user.location', 'the devices and networks you used'],
  ['user.unique_id', 'the service, which assigned it'],
  ['user.authorization', 'the service, from credentials you set'],
  ['user.account', 'the service, from how you use your account'],
  ['user', 'you'],
];

function sourceOf(category: string): string {
  return SOURCES.find(([branch]) => category.startsWith(branch))?.[1] ?? 'the service';
}

const unique = <T>(values: T[]) => [...new Set(values)];

/** GDPR Art. 15: what is held about a person, why, on what basis, where from, and who received it. */
export class AccessReporter {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly registry: ManifestRegistry,
    private readonly lookups: SubjectLookups,
    private readonly restrictions: Restrictions,
    private readonly edition: EditionRules,
    private readonly clock: Clock,
  ) {}

  /**
   * Every table with at least one row about the person, in manifest order; a
   * table whose rows are partly organizations' appears once per controller.
   */
  async heldTables(subjectId: string): Promise<HeldTable[]> {
    const identifiers = await resolveIdentifiers(this.registry, this.lookups, subjectId);
    const held: HeldTable[] = [];
    for (const manifest of this.registry.personalTables())
      for (const { filter, controller } of subjectParts(manifest, subjectId, identifiers)) {
        const records = await countRows(loose(this.db), manifest.table, filter);
        if (records > 0) held.push({ manifest, filter, records, controller });
      }
    return held;
  }

  /** The report, built from the manifests and row counts (`held`, when already counted). */
  async report(subjectId: string, held?: HeldTable[]): Promise<AccessReport> {
    held ??= await this.heldTables(subjectId);
    const restricted = await this.restrictions.list(subjectId);
    // An enterprise account's data is all its organization's (ORG-3).
    const owned = held.some((h) => h.manifest.ownsSubject);
    const items = held.map(({ manifest, records, controller }) => ({
      ...this.item(manifest, records, restricted, controller),
      controller: owned ? ('organization' as const) : controller,
    }));
    return {
      subjectId,
      generatedAt: this.clock.now(),
      storageRegion: this.edition.storageRegion,
      items,
      sources: unique(items.flatMap((i) => i.categories.map(sourceOf))),
      recipients: await this.recipients(subjectId),
    };
  }

  private item(
    manifest: TableManifest,
    records: number,
    restricted: string[],
    controller: HeldDataItem['controller'],
  ): HeldDataItem {
    const columns = personalColumns(manifest);
    // A personal table's rows that an organization owns are kept as long as it says (ADR 18).
    const via = controller === 'organization' ? manifest.organizationRowsVia : undefined;
    const categories = unique(columns.map((c) => c.category));
    return {
      table: manifest.table,
      description: manifest.description,
      categories,
      purposes: unique(columns.flatMap((c) => c.purposes)),
      legalBasis: unique(columns.map((c) => c.legalBasis)),
      controller: manifest.controller,
      retention: via?.retentionFrom
        ? `as your organization sets, counted from ${via.retentionFrom.replaceAll('_', ' ')}; without one, until it deletes them or is dissolved`
        : describeRetention(manifest.retention),
      records,
      restricted: categories.some((c) => restricted.some((r) => overlaps(c, r))),
    };
  }

  private async recipients(subjectId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('data_recipients')
      .select(['recipient', 'purpose', 'categories'])
      .where('subject_id', '=', subjectId)
      .orderBy('created_at')
      .execute();
    return rows.map(
      (r) => `${r.recipient}: ${r.purpose} (${(JSON.parse(r.categories) as string[]).join(', ')})`,
    );
  }
}
