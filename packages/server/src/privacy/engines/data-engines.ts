import type { Readable } from 'node:stream';
import type { Clock } from '../../platform/clock';
import type { FileStore } from '../../platform/files/file-store';
import type { IdGenerator } from '../../platform/ids';
import type { AuditLog } from '../audit/audit-log';
import type { EditionRules } from '../editions';
import type { ManifestRegistry } from '../manifest';
import type { KeyVault } from '../vault/key-vault';
import { AccessReporter } from './access-report';
import { EraseEngine } from './erase-engine';
import { ExportEngine } from './export-engine';
import { OrganizationSealing } from './organization-sealing';
import { Restrictions, type RestrictionGuard } from './restrictions';
import {
  organizationHeld,
  organizationHoldings,
  owningOrganizations,
  type OrganizationHolding,
} from './organization-scope';
import { RetentionJob, type OrganizationPeriods } from './retention-job';
import { cachedFacts, type SchemaSource } from './schema-facts';
import type { SubjectLookups } from './table-walk';

/** One kind of data held about a person, as the access report lists it (GDPR Art. 15). */
export interface HeldDataItem {
  table: string;
  description: string;
  /** Fides data categories present for this person in this table. */
  categories: string[];
  purposes: string[];
  legalBasis: string[];
  controller: 'personal' | 'organization';
  retention: string;
  /** Number of rows about the person. */
  records: number;
  /** Whether processing of this data is currently restricted at the person's request. */
  restricted: boolean;
}

/** What is held about a person, why, on what basis, for how long, from where, and who received it. */
export interface AccessReport {
  subjectId: string;
  generatedAt: number;
  storageRegion: string;
  items: HeldDataItem[];
  /** Where the data came from: the person, their devices, or the service itself. */
  sources: string[];
  /** Third parties that received data about the person (PRIV-6). */
  recipients: string[];
}

/** What an erasure covers: everything, or some data categories (prefix match on Fides keys). */
export type ErasureScope = { kind: 'all' } | { kind: 'categories'; categories: string[] };

/** Outcome of an erasure, for the rights request and the audit log. */
export interface ErasureResult {
  rowsDeleted: number;
  valuesAnonymized: number;
  keysShredded: number;
}

/**
 * The generic engines that walk the personal-data manifests, so every
 * feature's tables are covered without code of their own (PRIV-5, PRIV-8).
 */
export interface DataEngines {
  accessReport(subjectId: string): Promise<AccessReport>;
  /** A zip (JSON + readable HTML + the person's files), produced as a stream with bounded memory. */
  exportArchive(subjectId: string): Promise<Readable>;
  erase(subjectId: string, scope: ErasureScope): Promise<ErasureResult>;
  /** Keeps a category but stops processing it; features check `isRestricted`. */
  restrict(subjectId: string, category: string): Promise<void>;
  liftRestriction(subjectId: string, category: string): Promise<void>;
  isRestricted(subjectId: string, category: string): Promise<boolean>;
  /** The organizations controlling data about a person, with the tables and categories (ORG-4). */
  organizationHoldings(subjectId: string): Promise<OrganizationHolding[]>;
  /** The organizations whose enterprise account the person's is; all its data is theirs (ORG-3). */
  owningOrganizations(subjectId: string): Promise<string[]>;
  /** A zip of everything an organization controls, for its administrators (ORG-4). */
  exportOrganization(organizationId: string): Promise<Readable>;
  /** Deletes everything an organization controls and shreds its key (dissolution, ORG-8). */
  eraseOrganization(organizationId: string): Promise<ErasureResult>;
  /**
   * Moves organization rows still sealed under their subject's key (written
   * before ADR 19) to their organization's key; the server runs it at start.
   */
  resealOrganizationRows(): Promise<number>;
  /** The same, at start, until it has finished once (`maintenance_done`). */
  resealOrganizationRowsAtStart(): Promise<number>;
}

export type { OrganizationHolding };

/** What the engines are built from; each engine gets only the parts it uses. */
export interface DataEnginesDependencies {
  database: SchemaSource;
  registry: ManifestRegistry;
  /** How tables without a subject column find a person's rows (see `subjectLookups`). */
  lookups: SubjectLookups;
  vault: KeyVault;
  files: FileStore;
  clock: Clock;
  ids: IdGenerator;
  edition: EditionRules;
  audit?: AuditLog;
  /** Rows read per query while exporting; default 500. */
  pageSize?: number;
  /** Retention periods organizations set for the data they control; none when absent. */
  organizationPeriods?: OrganizationPeriods;
}

/** The engines, the restriction check features call, and the retention job. */
export interface BuiltDataEngines extends DataEngines, RestrictionGuard {
  retention: RetentionJob;
}

/** Builds every engine over the same manifests and one cached reading of the live schema. */
export function createDataEngines(deps: DataEnginesDependencies): BuiltDataEngines {
  const { database, registry, lookups, vault, files, clock, ids, edition, audit } = deps;
  const db = database.db;
  const facts = cachedFacts(database, () => registry.personalTables().map((t) => t.table));
  const restrictions = new Restrictions(db, registry, clock, ids, audit);
  const reporter = new AccessReporter(db, registry, lookups, restrictions, edition, clock);
  const exporter = new ExportEngine({
    db,
    reporter,
    facts,
    vault,
    files,
    clock,
    pageSize: deps.pageSize ?? 500,
  });
  const sealing = new OrganizationSealing({ db, registry, facts, vault, clock });
  const eraser = new EraseEngine({
    db,
    dialect: database.dialect,
    registry,
    lookups,
    facts,
    vault,
    sealing,
    files,
    clock,
    ids,
    audit,
  });
  return {
    accessReport: (subjectId) => reporter.report(subjectId),
    exportArchive: (subjectId) => exporter.archive(subjectId),
    erase: (subjectId, scope) => eraser.erase(subjectId, scope),
    restrict: (subjectId, category) => restrictions.restrict(subjectId, category),
    liftRestriction: (subjectId, category) => restrictions.lift(subjectId, category),
    isRestricted: (subjectId, category) => restrictions.isRestricted(subjectId, category),
    organizationHoldings: (subjectId) => organizationHoldings(db, registry, lookups, subjectId),
    owningOrganizations: (subjectId) => owningOrganizations(db, registry, subjectId),
    exportOrganization: async (organizationId) =>
      exporter.organizationArchive(
        organizationId,
        await organizationHeld(db, registry, lookups, organizationId),
      ),
    eraseOrganization: (organizationId) => eraser.eraseOrganization(organizationId),
    resealOrganizationRows: () => sealing.reseal(),
    resealOrganizationRowsAtStart: () => sealing.resealAtStart(),
    restrictedColumns: (subjectId, table) => restrictions.restrictedColumns(subjectId, table),
    assertUnrestricted: (subjectId, table, columns) =>
      restrictions.assertUnrestricted(subjectId, table, columns),
    retention: new RetentionJob({
      db,
      registry,
      facts,
      files,
      clock,
      ids,
      audit,
      organizationPeriods: deps.organizationPeriods ?? (async () => []),
    }),
  };
}
