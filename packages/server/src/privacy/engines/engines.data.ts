import type { FeatureManifest, PersonalColumn } from '../manifest';

const timestamp = { notPersonal: 'timestamp' } as const;
const subject = (purpose: string): PersonalColumn => ({
  category: 'user.unique_id',
  purposes: [purpose],
  legalBasis: 'legal_obligation',
  erase: 'delete',
});

/** What the data engines keep: restrictions, recipients, deletion notices, retention runs. */
export const enginesManifest: FeatureManifest = {
  feature: 'data-engines',
  tables: [
    {
      table: 'restrictions',
      description: 'Data categories whose processing you restricted: kept, but not used.',
      subjectColumn: 'subject_id',
      controller: 'personal',
      retention: { kind: 'account_lifetime' },
      columns: {
        id: { notPersonal: 'identifier' },
        subject_id: subject('essential.legal_obligation'),
        category: {
          category: 'user.privacy_preferences',
          purposes: ['essential.legal_obligation'],
          legalBasis: 'legal_obligation',
          erase: 'delete',
        },
        created_at: timestamp,
      },
    },
    {
      table: 'data_recipients',
      description: 'Third parties that received some of your data, why, and which categories.',
      subjectColumn: 'subject_id',
      controller: 'personal',
      retention: { kind: 'account_lifetime' },
      columns: {
        id: { notPersonal: 'identifier' },
        subject_id: subject('essential.legal_obligation'),
        recipient: { notPersonal: 'name of an organization' },
        purpose: { notPersonal: 'purpose of the disclosure' },
        categories: { notPersonal: 'data category keys' },
        created_at: timestamp,
      },
    },
    {
      table: 'deletion_notices',
      description: 'Recipients of your data that were told to delete it after an erasure.',
      subjectColumn: 'subject_id',
      controller: 'personal',
      retention: {
        kind: 'days',
        days: 3 * 365,
        from: 'created_at',
        reason: 'proof that recipients were told to delete (PRIV-6)',
      },
      columns: {
        id: { notPersonal: 'identifier' },
        recipient_id: { notPersonal: 'identifier' },
        recipient: { notPersonal: 'name of an organization' },
        // The proof must outlive the erasure; the random id names nobody once the account is gone.
        subject_id: { ...subject('essential.legal_obligation'), erase: 'keep_pseudonymous' },
        categories: { notPersonal: 'data category keys' },
        created_at: timestamp,
        sent_at: timestamp,
      },
    },
  ],
  nonPersonalTables: [
    { table: 'retention_runs', notPersonal: 'when retention ran and how many rows it removed' },
  ],
};
