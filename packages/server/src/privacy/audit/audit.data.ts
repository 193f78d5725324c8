import type { FeatureManifest, PersonalColumn } from '../manifest';

/** A person as the audit log names them: HMAC of their id, kept when they are erased. */
const pseudonym = (exportable: boolean): PersonalColumn => ({
  category: 'user.unique_id.pseudonymous',
  purposes: ['essential.service.security', 'essential.legal_obligation'],
  legalBasis: 'legal_obligation',
  erase: 'keep_pseudonymous',
  exportable,
});

/** The tamper-evident audit log (PRIV-13): who did what to whose data, and why. */
export const auditManifest: FeatureManifest = {
  feature: 'audit',
  tables: [
    {
      table: 'audit_entries',
      description:
        'Hash-chained record of accesses to personal data and account events; people appear only as pseudonyms.',
      subjectColumn: null,
      subjectLookup: { column: 'subject_ref', by: 'audit_pseudonym' },
      controller: 'personal',
      retention: {
        kind: 'indefinite',
        reason:
          'removing an entry breaks the hash chain; erasure leaves only unlinkable pseudonyms',
      },
      columns: {
        seq: { notPersonal: 'position in the chain' },
        id: { notPersonal: 'identifier' },
        at: { notPersonal: 'timestamp' },
        actor_kind: { notPersonal: 'user, operator or system' },
        // Who acted is never shown to the subject beyond its kind.
        actor_ref: pseudonym(false),
        subject_ref: pseudonym(true),
        action: { notPersonal: 'event name' },
        purpose: { notPersonal: 'stated reason for an access' },
        detail: { notPersonal: 'ids and counts, never personal data' },
        prev_hash: { notPersonal: 'chain hash' },
        hash: { notPersonal: 'chain hash' },
      },
    },
  ],
  nonPersonalTables: [
    { table: 'audit_checkpoints', notPersonal: 'signed positions and hashes of the audit chain' },
  ],
};
