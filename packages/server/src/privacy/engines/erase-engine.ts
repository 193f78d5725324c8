import { sql, type Kysely, type Transaction } from 'kysely';
import type { Clock } from '../../platform/clock';
import type { Dialect } from '../../platform/db/database';
import type { Database } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { FileStore } from '../../platform/files/file-store';
import type { IdGenerator } from '../../platform/ids';
import type { AuditLog } from '../audit/audit-log';
import { checkKey, loadTaxonomy } from '../fideslang';
import type { ManifestRegistry, TableManifest } from '../manifest';
import type { KeyVault } from '../vault/key-vault';
import { organizationVaultSubject } from '../vault/vault-subjects';
import type { ErasureResult, ErasureScope } from './data-engines';
import { planPersonErasure, shredsKey, type TablePlan } from './erase-plan';
import { collectHashes, releaseUnreferenced } from './file-release';
import { organizationParts } from './organization-scope';
import type { OrganizationSealing } from './organization-sealing';
import { childrenFirst, type TableFacts } from './schema-facts';
import {
  loose,
  matches,
  overlaps,
  personalColumns,
  resolveIdentifiers,
  subjectParts,
  isWithin,
  type AnyDb,
  type SubjectFilter,
  type SubjectLookups,
} from './table-walk';

/** What the erase engine changes and reads. */
export interface EraseDependencies {
  db: Kysely<Database>;
  dialect: Dialect;
  registry: ManifestRegistry;
  lookups: SubjectLookups;
  facts: () => Promise<Map<string, TableFacts>>;
  vault: KeyVault;
  /** Moves the person's organization rows to the organization's key before theirs is shredded. */
  sealing: Pick<OrganizationSealing, 'reseal'>;
  files: FileStore;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditLog | undefined;
}

/** A recipient to be told to delete, with the categories the notice names. */
interface Notice {
  recipientId: string;
  recipient: string;
  categories: string[];
}

/** The manifest tables in an order that deletes children before their parents. */
export function erasureOrder(
  registry: ManifestRegistry,
  facts: Map<string, TableFacts>,
): { manifest: TableManifest; facts: TableFacts }[] {
  const names = childrenFirst(
    registry.personalTables().map((t) => t.table),
    facts,
  );
  return names.map((name) => {
    const tableFacts = facts.get(name);
    if (!tableFacts) throw new Error(`table ${name} is declared but missing from the database`);
    return { manifest: registry.table(name)!, facts: tableFacts };
  });
}

/**
 * Erasure (GDPR Art. 17) by the manifests: rows deleted, values overwritten,
 * the person's key shredded; recipients told (PRIV-6); files nobody names any
 * more deleted; and, on SQLite, the write-ahead log folded back and truncated
 * so no erased plaintext stays on disk.
 */
export class EraseEngine {
  private readonly categories = loadTaxonomy().categories;

  constructor(private readonly deps: EraseDependencies) {}

  /** Erases what the scope covers; running it again finds nothing left to do. */
  async erase(subjectId: string, scope: ErasureScope): Promise<ErasureResult> {
    this.checkScope(scope);
    const { db, registry, lookups, vault } = this.deps;
    const tables = erasureOrder(registry, await this.deps.facts());
    // Phone and e-mail find rows in other tables; read them before `users` loses them.
    const identifiers = await resolveIdentifiers(registry, lookups, subjectId);
    const keyShredded = shredsKey(registry.personalTables(), scope);
    // The organization's copy must not go with the person's key (ADR 19): rows a node wrote
    // before organization sealing, still under this person's key, move to the organization's.
    if (keyShredded) await this.deps.sealing.reseal(subjectId);
    const result: ErasureResult = { rowsDeleted: 0, valuesAnonymized: 0, keysShredded: 0 };
    const hashes = new Set<string>();
    const notices = await db.transaction().execute(async (trx) => {
      const found = await this.recipientsToNotify(trx, subjectId, scope);
      for (const table of tables)
        for (const { filter, controller } of subjectParts(table.manifest, subjectId, identifiers)) {
          const plan = planPersonErasure(
            table.manifest,
            scope,
            table.facts,
            keyShredded,
            controller,
          );
          if (plan.kind === 'none') continue;
          for (const hash of await this.fileHashes(loose(trx), table.manifest, filter, plan))
            hashes.add(hash);
          await this.apply(loose(trx), table.manifest.table, filter, plan, result);
        }
      await this.notify(trx, subjectId, found);
      return found.length;
    });
    if (keyShredded) {
      await vault.shred(subjectId);
      result.keysShredded = 1;
    }
    await releaseUnreferenced(loose(db), registry, this.deps.files, hashes);
    await this.compact();
    await this.deps.audit?.record({
      actor: { kind: 'system' },
      subjectId,
      action: 'personal_data.erased',
      detail: { scope: describeScope(scope), ...result, notices },
    });
    return result;
  }

  /**
   * Erases everything an organization controls (dissolution, ORG-8): every
   * row of every organization-controlled table that names it, and the rows
   * of personal tables in what it owns (messages in its chats), children
   * first; files nobody names any more are deleted; then the organization's
   * vault key is shredded, so what it sealed is noise in every backup too
   * (ADR 19). People's own data and their keys are untouched. Running it
   * again finds nothing left to do.
   */
  async eraseOrganization(organizationId: string): Promise<ErasureResult> {
    const { db, registry } = this.deps;
    const result: ErasureResult = { rowsDeleted: 0, valuesAnonymized: 0, keysShredded: 0 };
    const hashes = new Set<string>();
    const order = erasureOrder(registry, await this.deps.facts()).map((t) => t.manifest.table);
    const parts = (await organizationParts(db, registry, organizationId)).sort(
      (a, b) => order.indexOf(a.manifest.table) - order.indexOf(b.manifest.table),
    );
    await db.transaction().execute(async (trx) => {
      for (const { manifest, filter } of parts) {
        const files = personalColumns(manifest)
          .filter((c) => c.file)
          .map((c) => c.name);
        const plan = { kind: 'delete' as const, files };
        for (const hash of await this.fileHashes(loose(trx), manifest, filter, plan))
          hashes.add(hash);
        await this.apply(loose(trx), manifest.table, filter, plan, result);
      }
    });
    await this.deps.vault.shred(organizationVaultSubject(organizationId));
    result.keysShredded = 1;
    await releaseUnreferenced(loose(db), registry, this.deps.files, hashes);
    await this.compact();
    await this.deps.audit?.record({
      actor: { kind: 'system' },
      action: 'organization_data.erased',
      detail: { organizationId, ...result },
    });
    return result;
  }

  private checkScope(scope: ErasureScope) {
    if (scope.kind === 'all') return;
    const problems = scope.categories.flatMap(
      (c) => checkKey(this.categories, c, 'data category') ?? [],
    );
    if (scope.categories.length === 0) problems.push('no data category given');
    if (problems.length > 0)
      throw new AppError('validation_failed', `Cannot erase: ${problems.join('; ')}.`, {
        issues: problems.map((message) => ({ path: 'categories', message })),
      });
  }

  private async apply(
    db: AnyDb,
    table: string,
    filter: SubjectFilter,
    plan: Exclude<TablePlan, { kind: 'none' }>,
    result: ErasureResult,
  ) {
    if (plan.kind === 'delete') {
      const deleted = await db.deleteFrom(table).where(matches(filter)).executeTakeFirst();
      result.rowsDeleted += Number(deleted.numDeletedRows);
      return;
    }
    const updated = await db
      .updateTable(table)
      .set(plan.values)
      .where(matches(filter))
      .executeTakeFirst();
    result.valuesAnonymized += Number(updated.numUpdatedRows) * Object.keys(plan.values).length;
  }

  /** Files the plan's rows name, so they can be released once the rows are gone. */
  private async fileHashes(
    db: AnyDb,
    manifest: TableManifest,
    filter: SubjectFilter,
    plan: Exclude<TablePlan, { kind: 'none' }>,
  ): Promise<string[]> {
    if (plan.files.length === 0) return [];
    const rows = await db
      .selectFrom(manifest.table)
      .select(plan.files)
      .distinct()
      .where(matches(filter))
      .execute();
    return collectHashes(rows, plan.files);
  }

  /** Recipients whose categories the scope touches, read before their rows may be erased. */
  private async recipientsToNotify(
    trx: Transaction<Database>,
    subjectId: string,
    scope: ErasureScope,
  ): Promise<Notice[]> {
    const rows = await trx
      .selectFrom('data_recipients')
      .select(['id', 'recipient', 'categories'])
      .where('subject_id', '=', subjectId)
      .orderBy('id')
      .execute();
    return rows.flatMap((r) => {
      const given = JSON.parse(r.categories) as string[];
      const categories = scope.kind === 'all' ? given : narrowest(given, scope.categories);
      return categories.length ? [{ recipientId: r.id, recipient: r.recipient, categories }] : [];
    });
  }

  /** One deletion notice per recipient (PRIV-6); an operator or an adapter sends them. */
  private async notify(trx: Transaction<Database>, subjectId: string, notices: Notice[]) {
    for (const n of notices)
      await trx
        .insertInto('deletion_notices')
        .values({
          id: this.deps.ids.next(),
          recipient_id: n.recipientId,
          recipient: n.recipient,
          subject_id: subjectId,
          categories: JSON.stringify(n.categories),
          created_at: this.deps.clock.now(),
          sent_at: null,
        })
        .execute();
  }

  /**
   * SQLite keeps old page images in its write-ahead log; fold them into the
   * file (where secure_delete has zeroed the erased bytes) and cut the log to
   * nothing. PostgreSQL reuses dead row space after its autovacuum.
   */
  private async compact() {
    if (this.deps.dialect === 'sqlite')
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(this.deps.db);
  }
}

/** Where two category lists overlap, the more specific key of each overlapping pair. */
function narrowest(given: string[], scope: string[]): string[] {
  const found = given.flatMap((g) =>
    scope.filter((s) => overlaps(g, s)).map((s) => (isWithin(g, s) ? g : s)),
  );
  return [...new Set(found)];
}

/** The scope in a few words for the audit log. */
const describeScope = (scope: ErasureScope) =>
  scope.kind === 'all' ? 'all' : scope.categories.join(',');
