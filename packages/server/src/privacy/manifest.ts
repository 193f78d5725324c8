import { checkKey, type Taxonomy } from './fideslang';

/** Why the law lets us hold a piece of data (GDPR Art. 6 bases we use). */
export type LegalBasis = 'contract' | 'consent' | 'legal_obligation' | 'legitimate_interest';

/**
 * How erasure treats a column: remove the row, overwrite the value, or destroy its key.
 * `keep_pseudonymous`: the value is a keyed pseudonym (HMAC of the user id) in a record
 * that must stay intact, such as the hash-chained audit log; it is kept, and once the
 * user id is erased nothing links the pseudonym to the person any more.
 */
export type ErasureMethod = 'delete' | 'anonymize' | 'shred' | 'keep_pseudonymous';

/** How long rows of a table are kept. */
export type Retention =
  | { kind: 'account_lifetime' }
  | {
      kind: 'days';
      /** The period; with `setBy`, the default where the setting row has none. */
      days: number;
      from: string;
      reason: string;
      /**
       * The period is a setting of another row (an organization's security-log
       * days, ORG-9): `column` of the `table` row whose `id` is this row's `key`.
       */
      setBy?: { table: string; column: string; key: string };
    }
  /** Kept for the life of the deployment: deleting rows would break a tamper-evident record. */
  | { kind: 'indefinite'; reason: string };

/**
 * How the engines treat a table the organization controls (ORG-4): where its
 * rows name their organization, from when the organization's own retention
 * period counts, and what erasing one person does to them.
 */
export interface OrganizationScope {
  /** The column holding the organization's id: export, retention and dissolution select by it. */
  column: string;
  /**
   * The time column the organization's retention period counts from. Absent:
   * rows live as long as their purpose (a current membership) and the
   * organization's period does not shorten them.
   */
  retentionFrom?: string;
  /**
   * Erasing a person (account cancellation): `erase` treats the rows as the
   * column methods say (they are the person's link to the organization, such
   * as a membership); `keep` leaves the organization its copy and clears only
   * the subject column, so the row no longer names the account.
   */
  onPersonErased: 'erase' | 'keep';
}

/**
 * Where the organization-controlled rows of a personal table are (ADR 18):
 * the engines treat those rows as the organization's, like the rows of an
 * organization-controlled table, and the others as the person's.
 */
export interface OrganizationRowsVia {
  /** The column naming the row's parent. */
  column: string;
  /** The parent table; its `id` is what `column` holds. */
  references: string;
  /** The parent's column naming the organization that owns it (NULL: nobody's). */
  organizationColumn: string;
  /** As in `OrganizationScope`: the time column the organization's retention counts from. */
  retentionFrom?: string;
  /** As in `OrganizationScope`: what erasing the person does to these rows. */
  onPersonErased: 'erase' | 'keep';
}

/** A column that holds personal information. */
export interface PersonalColumn {
  /** Fides data category, e.g. `user.contact.phone_number`. */
  category: string;
  /** Fides data uses it serves, e.g. `essential.service.authentication`. */
  purposes: string[];
  legalBasis: LegalBasis;
  /** Sensitive categories (PRIV-11) need their own consent and encryption at rest. */
  sensitive?: boolean;
  erase: ErasureMethod;
  /** False for secrets the subject must not receive (a password hash). Default true. */
  exportable?: boolean;
  /**
   * The value names a content-addressed file in the file store (an avatar's
   * hash): export includes the file, erasure deletes it once nobody uses it.
   */
  file?: boolean;
  /**
   * What a NOT NULL column holds once its value is erased and the row stays
   * (a valid empty value, such as `{}` for JSON). Default `erased`, or 0.
   */
  erasedValue?: string | number;
}

/** A column that holds no personal information, with the reason in a word or two. */
export interface NotPersonal {
  notPersonal: string;
}

/** One table: whose rows they are and what every column holds. */
export interface TableManifest {
  table: string;
  description: string;
  /** Column with the subject's user id; null when rows are found another way. */
  subjectColumn: string | null;
  /** For tables without a subject column: the personal column that identifies the subject. */
  subjectLookup?: {
    column: string;
    /** `audit_pseudonym`: the column holds Secrets.hmac('audit-subject', user id). */
    by: 'phone_or_email' | 'audit_pseudonym';
  };
  /** `organization` records are controlled by the organization (ORG-4). */
  controller: 'personal' | 'organization';
  /**
   * For a `personal` table some of whose rows an organization controls
   * (ORG-4, ADR 12, ADR 18): `column` names the row's parent in `references`,
   * and a row is the organization's when that parent's `organizationColumn`
   * is set (a message in a conversation an organization owns).
   */
  organizationRowsVia?: OrganizationRowsVia;
  /**
   * With `organizationRowsVia`: the column naming the vault subject whose key
   * sealed the row's `shred` columns; NULL means the row's subject's key. The
   * organization's rows are sealed under the organization's key (ADR 19), so
   * erasing the person, which shreds theirs, leaves the organization's copy
   * readable. Engines open sealed values with it.
   */
  sealedBy?: string;
  /**
   * A subject with a row here belongs to an organization (an enterprise
   * account, ORG-3): every record about them is organization-controlled,
   * whatever each table's `controller` says.
   */
  ownsSubject?: boolean;
  /** Required for `controller: 'organization'`: how to find the rows' organization. */
  organization?: OrganizationScope;
  retention: Retention;
  columns: Record<string, PersonalColumn | NotPersonal>;
}

/** A table with no personal information at all, such as migration bookkeeping. */
export interface NonPersonalTable {
  table: string;
  notPersonal: string;
}

/** What one feature stores. */
export interface FeatureManifest {
  feature: string;
  tables: TableManifest[];
  nonPersonalTables?: NonPersonalTable[];
}

/** Tables of a live database, as introspection reports them. */
export interface LiveTable {
  name: string;
  columns: string[];
}

/** Is this column declared personal? */
export function isPersonal(column: PersonalColumn | NotPersonal): column is PersonalColumn {
  return !('notPersonal' in column);
}

/** All manifests, checked against the taxonomy when built. */
export class ManifestRegistry {
  private readonly tables = new Map<string, TableManifest>();
  private readonly nonPersonal = new Map<string, NonPersonalTable>();

  constructor(
    readonly manifests: FeatureManifest[],
    taxonomy: Taxonomy,
  ) {
    const problems: string[] = [];
    for (const manifest of manifests) {
      for (const t of manifest.nonPersonalTables ?? []) this.add(this.nonPersonal, t, problems);
      for (const t of manifest.tables) {
        this.add(this.tables, t, problems);
        problems.push(...checkTable(t, taxonomy).map((p) => `${manifest.feature}: ${p}`));
      }
    }
    if (problems.length > 0) throw new Error(`Invalid data manifests:\n  ${problems.join('\n  ')}`);
  }

  private add<T extends { table: string }>(into: Map<string, T>, t: T, problems: string[]) {
    if (this.tables.has(t.table) || this.nonPersonal.has(t.table))
      problems.push(`table ${t.table} is declared twice`);
    into.set(t.table, t);
  }

  /** The manifest of a table holding personal data, if there is one. */
  table(name: string): TableManifest | undefined {
    return this.tables.get(name);
  }

  /** Every table that holds personal data. */
  personalTables(): TableManifest[] {
    return [...this.tables.values()];
  }

  /** Every organization-controlled table, each with its organization scope. */
  organizationTables(): (TableManifest & { organization: OrganizationScope })[] {
    return this.personalTables().filter(
      (t): t is TableManifest & { organization: OrganizationScope } =>
        t.controller === 'organization' && t.organization !== undefined,
    );
  }

  /**
   * Compares a live schema with the declarations. Returns one line per table or
   * column that nobody declared, and per declaration that has no live column.
   */
  findUndeclared(live: LiveTable[]): string[] {
    const problems: string[] = [];
    for (const { name, columns } of live) {
      if (this.nonPersonal.has(name)) continue;
      const manifest = this.tables.get(name);
      if (!manifest) {
        problems.push(`table ${name} is not declared in any manifest`);
        continue;
      }
      for (const column of columns)
        if (!(column in manifest.columns))
          problems.push(`column ${name}.${column} is not declared in its manifest`);
      for (const declared of Object.keys(manifest.columns))
        if (!columns.includes(declared))
          problems.push(
            `manifest declares ${name}.${declared} but the database has no such column`,
          );
    }
    return problems;
  }
}

function checkTable(t: TableManifest, taxonomy: Taxonomy): string[] {
  const problems: string[] = [];
  for (const [name, column] of Object.entries(t.columns)) {
    if (!isPersonal(column)) continue;
    const where = `${t.table}.${name}`;
    const category = checkKey(taxonomy.categories, column.category, 'data category');
    if (category) problems.push(`${where}: ${category}`);
    if (column.purposes.length === 0) problems.push(`${where}: no purpose`);
    for (const use of column.purposes) {
      const problem = checkKey(taxonomy.uses, use, 'data use');
      if (problem) problems.push(`${where}: ${problem}`);
    }
  }
  const subject = t.subjectColumn ?? t.subjectLookup?.column;
  if (!subject) problems.push(`${t.table}: no subject column or lookup`);
  else if (!(subject in t.columns))
    problems.push(`${t.table}: subject column ${subject} is not listed`);
  problems.push(...checkRowsVia(t));
  if (t.retention.kind === 'days' && !(t.retention.from in t.columns))
    problems.push(`${t.table}: retention counts from unknown column ${t.retention.from}`);
  if (t.retention.kind === 'days' && t.retention.setBy && !(t.retention.setBy.key in t.columns))
    problems.push(`${t.table}: retention is set by unknown column ${t.retention.setBy.key}`);
  problems.push(...checkOrganization(t));
  return problems;
}

function checkOrganization(t: TableManifest): string[] {
  const org = t.organization;
  if (t.controller === 'personal')
    return org ? [`${t.table}: a personal table declares an organization scope`] : [];
  if (!org) return [`${t.table}: organization-controlled but no organization column declared`];
  const problems: string[] = [];
  if (!(org.column in t.columns))
    problems.push(`${t.table}: organization column ${org.column} is not listed`);
  if (org.retentionFrom !== undefined && !(org.retentionFrom in t.columns))
    problems.push(
      `${t.table}: organization retention counts from unknown column ${org.retentionFrom}`,
    );
  if (org.onPersonErased === 'keep' && !t.subjectColumn)
    problems.push(`${t.table}: keeping rows on erasure needs a subject column to clear`);
  return problems;
}

function checkRowsVia(t: TableManifest): string[] {
  const via = t.organizationRowsVia;
  const sealedBy = t.sealedBy === undefined ? undefined : t.columns[t.sealedBy];
  if (!via)
    return t.sealedBy === undefined ? [] : [`${t.table}: sealedBy needs organization rows via`];
  const problems: string[] = [];
  if (t.sealedBy !== undefined && (!sealedBy || isPersonal(sealedBy)))
    problems.push(`${t.table}: sealedBy must name a listed column that is not personal`);
  if (t.controller === 'organization')
    problems.push(`${t.table}: an organization-controlled table declares organization rows via`);
  if (!(via.column in t.columns))
    problems.push(`${t.table}: organization rows via unknown column ${via.column}`);
  if (via.retentionFrom !== undefined && !(via.retentionFrom in t.columns))
    problems.push(
      `${t.table}: organization retention counts from unknown column ${via.retentionFrom}`,
    );
  if (via.onPersonErased === 'keep' && !t.subjectColumn)
    problems.push(`${t.table}: keeping rows on erasure needs a subject column to clear`);
  return problems;
}
