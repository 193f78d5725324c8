import type { FeatureManifest, PersonalColumn } from '../../privacy/manifest';

/** A file column: content the person uploaded to use the messenger. */
const content = (extra: Partial<PersonalColumn> = {}): PersonalColumn => ({
  category: 'user.content.private',
  purposes: ['essential.service'],
  legalBasis: 'contract',
  erase: 'delete',
  ...extra,
});

/**
 * Uploaded files. The bytes and the thumbnail live in the file store
 * under their hashes (`file: true`): export includes them, and erasure deletes
 * them once no row of anyone names the same content.
 */
export const filesManifest: FeatureManifest = {
  feature: 'files',
  tables: [
    {
      table: 'files',
      description: 'Files a person uploaded (to share in conversations), with their thumbnails.',
      subjectColumn: 'owner_id',
      controller: 'personal',
      retention: { kind: 'account_lifetime' },
      columns: {
        id: { notPersonal: 'identifier' },
        owner_id: { ...content(), category: 'user.unique_id' },
        hash: content({ file: true }),
        thumbnail_hash: content({ file: true }),
        name: content(),
        media_type: { notPersonal: 'file metadata' },
        kind: { notPersonal: 'file metadata' },
        size: { notPersonal: 'file metadata' },
        width: { notPersonal: 'file metadata' },
        height: { notPersonal: 'file metadata' },
        created_at: { notPersonal: 'timestamp' },
      },
    },
  ],
};
