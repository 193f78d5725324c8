import type { FileStore } from '../../platform/files/file-store';
import type { ManifestRegistry } from '../manifest';
import { personalColumns, type AnyDb } from './table-walk';

/**
 * Deletes the files no row names any more. Files are content-addressed, so
 * two people uploading the same picture share one file: it goes only when
 * every column marked `file` in every manifest has stopped naming it.
 */
export async function releaseUnreferenced(
  db: AnyDb,
  registry: ManifestRegistry,
  files: FileStore,
  hashes: Iterable<string>,
): Promise<number> {
  const columns = registry
    .personalTables()
    .flatMap((t) =>
      personalColumns(t).flatMap((c) => (c.file ? [{ table: t.table, column: c.name }] : [])),
    );
  let deleted = 0;
  for (const hash of hashes) {
    let used = false;
    for (const { table, column } of columns) {
      const row = await db
        .selectFrom(table)
        .select(column)
        .where(column, '=', hash)
        .limit(1)
        .executeTakeFirst();
      if ((used = row !== undefined)) break;
    }
    if (used) continue;
    await files.delete(hash);
    deleted++;
  }
  return deleted;
}

/** The distinct file hashes a query's rows name in the given columns. */
export function collectHashes(rows: Record<string, unknown>[], columns: string[]): string[] {
  return rows.flatMap((row) =>
    columns.map((c) => row[c]).filter((v): v is string => typeof v === 'string'),
  );
}
