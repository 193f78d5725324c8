import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/schema';
import type { ManifestRegistry, OrganizationRowsVia, TableManifest } from '../manifest';
import type { KeyVault } from '../vault/key-vault';
import { organizationVaultSubject } from '../vault/vault-subjects';
import type { TableFacts } from './schema-facts';
import { after, loose, pagesAfter, personalColumns, type AnyDb, type Row } from './table-walk';

/** What re-sealing reads and writes. */
export interface SealingDependencies {
  db: Kysely<Database>;
  registry: ManifestRegistry;
  facts: () => Promise<Map<string, TableFacts>>;
  vault: KeyVault;
  clock: Clock;
  /** Rows read per query; default 500. */
  pageSize?: number;
}

/** A table whose organization rows are sealed under the organization's key, and how. */
interface SealedTable {
  table: string;
  via: OrganizationRowsVia;
  subject: string;
  sealedBy: string;
  sealed: string[];
  key: string[];
}

/** The start-up pass's name in `maintenance_done`. */
export const RESEAL_AT_START = 'organization_reseal';

/** The organization id of a row's parent, selected under a name no table uses. */
const ORGANIZATION = 'sealing_organization_id';

/**
 * Moves an organization's rows of personal tables (messages in its
 * conversations) from their subject's key to the organization's (ADR 19):
 * rows written before organization sealing existed, or by a node that did
 * not know it yet. Each row is decrypted with its subject's key and
 * encrypted under the organization's, then written only if nobody changed it
 * meanwhile (a recall, another node re-sealing it), so it is safe to run on
 * many nodes at once and again at every start. Rows whose subject is
 * already erased have nothing left to carry over and stay as they are.
 */
export class OrganizationSealing {
  constructor(private readonly deps: SealingDependencies) {}

  /** Re-seals every such row, or only those about `subjectId`; returns how many it re-sealed. */
  async reseal(subjectId?: string): Promise<number> {
    let resealed = 0;
    for (const table of await this.sealedTables())
      for await (const page of this.unsealed(table, subjectId))
        for (const row of page) resealed += await this.resealRow(table, row);
    return resealed;
  }

  /**
   * The start-up pass: every such row, until one pass has finished, which
   * `maintenance_done` then records, so later starts do not scan the whole
   * table again. Since ADR 19 every organization row is written sealed; one
   * written by a node not yet upgraded is still re-sealed before its
   * sender's key is shredded (`reseal(subjectId)`), which is what matters.
   */
  async resealAtStart(): Promise<number> {
    const { db, clock } = this.deps;
    const done = await db
      .selectFrom('maintenance_done')
      .select('task')
      .where('task', '=', RESEAL_AT_START)
      .executeTakeFirst();
    if (done) return 0;
    const resealed = await this.reseal();
    await db
      .insertInto('maintenance_done')
      .values({ task: RESEAL_AT_START, done_at: clock.now() })
      .onConflict((oc) => oc.column('task').doNothing())
      .execute();
    return resealed;
  }

  private async sealedTables(): Promise<SealedTable[]> {
    const facts = await this.deps.facts();
    return this.deps.registry.personalTables().flatMap((manifest: TableManifest) => {
      const { organizationRowsVia: via, sealedBy, subjectColumn: subject } = manifest;
      const sealed = personalColumns(manifest)
        .filter((c) => c.erase === 'shred')
        .map((c) => c.name);
      const key = facts.get(manifest.table)?.primaryKey ?? [];
      if (!via || !sealedBy || !subject || sealed.length === 0) return [];
      if (key.length === 0)
        throw new Error(`table ${manifest.table} has no primary key to page by`);
      return [{ table: manifest.table, via, subject, sealedBy, sealed, key }];
    });
  }

  /** The organization's rows still under their subject's key, page by page in key order. */
  private unsealed(table: SealedTable, subjectId: string | undefined) {
    const db: AnyDb = loose(this.deps.db);
    const pageSize = this.deps.pageSize ?? 500;
    const { via, subject, sealedBy, key } = table;
    const qualified = key.map((k) => `row.${k}`);
    return pagesAfter(pageSize, (last) => {
      let query = db
        .selectFrom(`${table.table} as row`)
        .innerJoin(`${via.references} as parent`, 'parent.id', `row.${via.column}`)
        .select([
          ...new Set([...qualified, `row.${subject}`, ...table.sealed.map((c) => `row.${c}`)]),
        ])
        .select(`parent.${via.organizationColumn} as ${ORGANIZATION}`)
        .where(`parent.${via.organizationColumn}`, 'is not', null)
        .where(`row.${sealedBy}`, 'is', null);
      query =
        subjectId === undefined
          ? query.where(`row.${subject}`, 'is not', null)
          : query.where(`row.${subject}`, '=', subjectId);
      if (last)
        query = query.where(
          after(qualified, Object.fromEntries(key.map((k, i) => [qualified[i]!, last[k]]))),
        );
      for (const column of qualified) query = query.orderBy(column);
      return query.limit(pageSize).execute();
    });
  }

  /** 1 when the row is now under its organization's key; 0 when it could not be, or changed. */
  private async resealRow(table: SealedTable, row: Row): Promise<number> {
    const { vault } = this.deps;
    const owner = String(row[table.subject]);
    const target = organizationVaultSubject(String(row[ORGANIZATION]));
    const values: Record<string, unknown> = { [table.sealedBy]: target };
    for (const column of table.sealed) {
      const value = row[column];
      if (typeof value !== 'string') continue;
      const plaintext = await vault.decrypt(owner, value);
      if (plaintext === undefined) return 0;
      values[column] = await vault.encrypt(target, plaintext);
    }
    let update = loose(this.deps.db)
      .updateTable(table.table)
      .set(values)
      .where(table.sealedBy, 'is', null);
    for (const column of [...table.key, ...table.sealed]) {
      const value = row[column];
      update = value === null ? update.where(column, 'is', null) : update.where(column, '=', value);
    }
    const result = await update.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
