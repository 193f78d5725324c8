import { Readable, type PassThrough } from 'node:stream';
import type { Kysely } from 'kysely';
import { ZipFile } from 'yazl';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/schema';
import type { FileStore } from '../../platform/files/file-store';
import { isPersonal, type TableManifest } from '../manifest';
import type { KeyVault } from '../vault/key-vault';
import type { AccessReporter, HeldTable } from './access-report';
import type { AccessReport } from './data-engines';
import {
  extensionOf,
  renderFoot,
  renderHead,
  renderRow,
  renderTableClose,
  renderTableOpen,
} from './export-html';
import type { TableFacts } from './schema-facts';
import { exportableColumns, keysetPages, loose, personalColumns, type Row } from './table-walk';

/** Text is handed to the zip in pieces of about this size, so a slow reader holds back the database. */
const CHUNK_BYTES = 16 * 1024;

/** Enough of a file to tell its type by magic bytes. */
async function firstBytes(files: FileStore, hash: string, size: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of files.createReadStream(hash, { start: 0, end: Math.min(size, 16) - 1 }))
    chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Whose key opens a row's sealed values: one person's, or each row's own
 * subject's; the table's `sealedBy` column, when set, names another (ADR 19).
 */
type Owner = string | ((manifest: TableManifest, row: Row) => string | undefined);

/** The key that opens this row's sealed values. */
function sealerOf(manifest: TableManifest, row: Row, owner: Owner): string | undefined {
  const sealer = manifest.sealedBy === undefined ? undefined : row[manifest.sealedBy];
  if (typeof sealer === 'string') return sealer;
  return typeof owner === 'string' ? owner : owner(manifest, row);
}

/** The person a row is about, by the table's subject column. */
const rowSubject = (manifest: TableManifest, row: Row): string | undefined => {
  const value = manifest.subjectColumn ? row[manifest.subjectColumn] : undefined;
  return typeof value === 'string' ? value : undefined;
};

/** What the export engine reads from. */
export interface ExportDependencies {
  db: Kysely<Database>;
  reporter: AccessReporter;
  facts: () => Promise<Map<string, TableFacts>>;
  vault: KeyVault;
  files: FileStore;
  clock: Clock;
  pageSize: number;
}

/** Groups small strings into chunks of about CHUNK_BYTES. */
async function* chunked(parts: AsyncIterable<string>): AsyncGenerator<Buffer> {
  let pending = '';
  for await (const part of parts) {
    pending += part;
    if (pending.length >= CHUNK_BYTES) {
      yield Buffer.from(pending, 'utf8');
      pending = '';
    }
  }
  if (pending) yield Buffer.from(pending, 'utf8');
}

/**
 * The copy of a person's data (GDPR Art. 15(3), 20): a zip with one JSON file
 * per table, a readable HTML page, the access report and the person's files.
 * Rows are read page by page only as the zip is consumed, so memory stays
 * bounded however much there is.
 */
export class ExportEngine {
  constructor(private readonly deps: ExportDependencies) {}

  /** Starts the archive and returns its stream; a failure midway destroys the stream. */
  async archive(subjectId: string): Promise<Readable> {
    const zip = new ZipFile();
    const output = zip.outputStream as PassThrough;
    const fail = (error: unknown) => output.destroy(error as Error);
    zip.on('error', fail);
    this.fill(zip, subjectId, fail).catch(fail);
    return output;
  }

  private async fill(zip: ZipFile, subjectId: string, fail: (e: unknown) => void) {
    const { reporter, clock } = this.deps;
    const mtime = new Date(clock.now());
    const held = await reporter.heldTables(subjectId);
    const report = await reporter.report(subjectId, held);
    const facts = await this.deps.facts();
    const lazy = (name: string, parts: () => AsyncIterable<string>) =>
      zip.addReadStreamLazy(name, { mtime }, (cb) => {
        const stream = Readable.from(chunked(parts()), { highWaterMark: 1 });
        stream.on('error', fail);
        cb(null, stream);
      });
    zip.addBuffer(Buffer.from(`${JSON.stringify(report, null, 2)}\n`), 'access-report.json', {
      mtime,
    });
    // Organization-controlled rows (whole tables, or a personal table's rows in something an
    // organization owns) are listed in the report but exported by the organization (ADR 18).
    const own = held.filter((t) => t.controller === 'personal');
    const fileNames = await this.addFiles(zip, own, facts, mtime, subjectId);
    for (const table of own)
      lazy(`data/${table.manifest.table}.json`, () => this.json(table, facts, subjectId));
    const included = held.map((t) => t.controller === 'personal');
    lazy('index.html', () => this.html(report, included, own, facts, subjectId, fileNames));
    zip.end();
  }

  /**
   * An organization's copy of the data it controls (ORG-4): `organization.json`
   * (what each table holds, why, how many rows), one JSON file per table and
   * the files its rows name, streamed like a person's archive.
   */
  async organizationArchive(organizationId: string, held: HeldTable[]): Promise<Readable> {
    const zip = new ZipFile();
    const output = zip.outputStream as PassThrough;
    const fail = (error: unknown) => output.destroy(error as Error);
    zip.on('error', fail);
    const fill = async () => {
      const mtime = new Date(this.deps.clock.now());
      const facts = await this.deps.facts();
      const summary = {
        organizationId,
        generatedAt: this.deps.clock.now(),
        tables: held.map(({ manifest, records, archiveName }) => ({
          table: manifest.table,
          description: manifest.description,
          records,
          file: `data/${archiveName ?? manifest.table}.json`,
        })),
      };
      zip.addBuffer(Buffer.from(`${JSON.stringify(summary, null, 2)}\n`), 'organization.json', {
        mtime,
      });
      await this.addFiles(zip, held, facts, mtime, rowSubject);
      for (const table of held)
        zip.addReadStreamLazy(
          `data/${table.archiveName ?? table.manifest.table}.json`,
          { mtime },
          (cb) => {
            const stream = Readable.from(chunked(this.json(table, facts, rowSubject)), {
              highWaterMark: 1,
            });
            stream.on('error', fail);
            cb(null, stream);
          },
        );
      zip.end();
    };
    fill().catch(fail);
    return output;
  }

  /** Adds every file the person's rows name; returns hash → path in the archive. */
  private async addFiles(
    zip: ZipFile,
    held: HeldTable[],
    facts: Map<string, TableFacts>,
    mtime: Date,
    owner: Owner,
  ): Promise<Map<string, string>> {
    const { files } = this.deps;
    const names = new Map<string, string>();
    for (const table of held) {
      const columns = personalColumns(table.manifest).filter(
        (c) => c.file && c.exportable !== false,
      );
      if (columns.length === 0) continue;
      const wanted = columns.map((c) => c.name);
      for await (const row of this.rows(table, facts, wanted, owner)) {
        for (const { name } of columns) {
          const hash = row[name];
          if (typeof hash !== 'string' || names.has(hash)) continue;
          const size = await files.size(hash);
          if (size === undefined) continue;
          const head = size === 0 ? Buffer.alloc(0) : await firstBytes(files, hash, size);
          const path = `files/${hash}${extensionOf(head)}`;
          names.set(hash, path);
          // Streamed when the zip gets there: neither the queue nor memory holds whole files.
          zip.addReadStreamLazy(path, { mtime }, (cb) => {
            cb(null, files.createReadStream(hash));
          });
        }
      }
    }
    return names;
  }

  /**
   * Rows of a table, decrypted, one at a time. Sealed values open with the
   * key the row's `sealedBy` column names, else the key of `owner` (the
   * person exporting, or each row's subject when an organization exports).
   */
  private async *rows(
    table: HeldTable,
    facts: Map<string, TableFacts>,
    columns: string[],
    owner: Owner,
  ): AsyncGenerator<Row> {
    const { manifest, filter } = table;
    const key = facts.get(manifest.table)?.primaryKey ?? [];
    if (key.length === 0) throw new Error(`table ${manifest.table} has no primary key to page by`);
    const sealed = personalColumns(manifest).filter(
      (c) => c.erase === 'shred' && columns.includes(c.name),
    );
    const extra = [manifest.subjectColumn, manifest.sealedBy].filter(
      (c): c is string => typeof c === 'string',
    );
    const pages = keysetPages(
      loose(this.deps.db),
      manifest.table,
      filter,
      key,
      this.deps.pageSize,
      [...new Set([...columns, ...extra])],
    );
    for await (const page of pages)
      for (const row of page) {
        const key = sealerOf(manifest, row, owner);
        for (const { name } of sealed) row[name] = await this.reveal(key, row[name]);
        yield Object.fromEntries(columns.map((c) => [c, row[c]]));
      }
  }

  /** Plaintext of a vault-encrypted value; null once the key is shredded or has no owner. */
  private async reveal(owner: string | undefined, value: unknown): Promise<unknown> {
    if (typeof value !== 'string') return value;
    if (owner === undefined) return null;
    try {
      return (await this.deps.vault.decrypt(owner, value)) ?? null;
    } catch {
      // Not a vault ciphertext (written before the column was encrypted): it is the plaintext.
      return value;
    }
  }

  private async *json(table: HeldTable, facts: Map<string, TableFacts>, owner: Owner) {
    const { manifest } = table;
    const columns = exportableColumns(manifest);
    const declared = Object.fromEntries(
      columns.map((c) => {
        const column = manifest.columns[c]!;
        if (!isPersonal(column)) return [c, column];
        const { category, purposes, legalBasis, file } = column;
        return [c, { category, purposes, legalBasis, ...(file ? { file: true } : {}) }];
      }),
    );
    const head = { table: manifest.table, description: manifest.description, columns: declared };
    yield `${JSON.stringify(head).slice(0, -1)},"rows":[`;
    let first = true;
    for await (const row of this.rows(table, facts, columns, owner)) {
      yield `${first ? '' : ','}\n${JSON.stringify(row)}`;
      first = false;
    }
    yield '\n]}\n';
  }

  private async *html(
    report: AccessReport,
    included: boolean[],
    held: HeldTable[],
    facts: Map<string, TableFacts>,
    subjectId: string,
    files: Map<string, string>,
  ) {
    yield renderHead(report, included);
    for (const table of held) {
      const columns = exportableColumns(table.manifest);
      yield renderTableOpen(table.manifest, columns);
      for await (const row of this.rows(table, facts, columns, subjectId))
        yield renderRow(table.manifest, columns, row, files);
      yield renderTableClose();
    }
    yield renderFoot();
  }
}
