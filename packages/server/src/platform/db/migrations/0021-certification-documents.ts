import type { Kysely, Migration } from 'kysely';

/** The tables the backfill reads and writes, as they are at this migration. */
interface BackfillTables {
  organization_certifications: {
    id: string;
    organization_id: string;
    documents: string;
    submitted_by: string | null;
  };
  files: {
    id: string;
    owner_id: string;
    hash: string;
    name: string;
    media_type: string;
    size: number;
  };
  organization_certification_documents: {
    certification_id: string;
    file_id: string;
    organization_id: string;
    position: number;
    uploaded_by: string | null;
    hash: string;
    name: string;
    media_type: string;
    size: number;
  };
}

/**
 * A certification request's documents as rows of their own
 * (docs/adr/0022-certification-documents.md): the request keeps the file's
 * content hash, name, type and size, so the bytes stay while the request
 * names them (the file store's release looks for every `file` column) even
 * after the administrator deletes the upload or erases their account. The
 * existing requests' JSON lists are copied over for the files their
 * submitter owned; `organization_certifications.documents` stays as written
 * for nodes of the previous version.
 */
export const certificationDocumentsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('organization_certification_documents')
      .addColumn('certification_id', 'varchar(36)', (c) =>
        c.notNull().references('organization_certifications.id').onDelete('cascade'),
      )
      // The upload's id, kept as the document's name in URLs; no foreign key, so deleting the
      // upload leaves the document.
      .addColumn('file_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('organization_id', 'varchar(36)', (c) =>
        c.notNull().references('organizations.id').onDelete('cascade'),
      )
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('uploaded_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('hash', 'varchar(64)', (c) => c.notNull())
      .addColumn('name', 'varchar(255)', (c) => c.notNull())
      .addColumn('media_type', 'varchar(255)', (c) => c.notNull())
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('organization_certification_documents_pk', [
        'certification_id',
        'file_id',
      ])
      .execute();
    // File release asks "does any row still name this hash?" for every released file.
    await db.schema
      .createIndex('organization_certification_documents_hash')
      .on('organization_certification_documents')
      .columns(['hash'])
      .execute();
    await db.schema
      .createIndex('organization_certification_documents_organization')
      .on('organization_certification_documents')
      .columns(['organization_id'])
      .execute();
    await copyDocumentLists(db as unknown as Kysely<BackfillTables>);
  },
};

/** Rows for the files each existing request listed, where its submitter owns them. */
async function copyDocumentLists(db: Kysely<BackfillTables>): Promise<void> {
  const requests = await db
    .selectFrom('organization_certifications')
    .select(['id', 'organization_id', 'documents', 'submitted_by'])
    .execute();
  for (const request of requests) {
    const listed = parseIds(request.documents);
    if (listed.length === 0 || request.submitted_by === null) continue;
    const owned = await db
      .selectFrom('files')
      .select(['id', 'hash', 'name', 'media_type', 'size'])
      .where('id', 'in', listed)
      .where('owner_id', '=', request.submitted_by)
      .execute();
    const rows = owned.map((file) => ({
      certification_id: request.id,
      file_id: file.id,
      organization_id: request.organization_id,
      position: listed.indexOf(file.id),
      uploaded_by: request.submitted_by,
      hash: file.hash,
      name: file.name,
      media_type: file.media_type,
      size: file.size,
    }));
    if (rows.length > 0)
      await db.insertInto('organization_certification_documents').values(rows).execute();
  }
}

/** The distinct ids of a stored JSON list; anything else in it is ignored. */
function parseIds(json: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return [...new Set(value.filter((v): v is string => typeof v === 'string' && v.length <= 36))];
}
