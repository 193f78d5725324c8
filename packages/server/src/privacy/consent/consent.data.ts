import type { FeatureManifest, PersonalColumn } from '../manifest';

const timestamp = { notPersonal: 'timestamp' } as const;

/** Consent records are proof of consent (GDPR art. 7(1)), kept while the account lives. */
const proof = (category: string): PersonalColumn => ({
  category,
  purposes: ['essential.legal_obligation'],
  legalBasis: 'legal_obligation',
  erase: 'delete',
});

/** Policy documents, the consent ledger and guardians' consents (PRIV-1, PRIV-2, PRIV-10). */
export const consentManifest: FeatureManifest = {
  feature: 'consent',
  tables: [
    {
      table: 'consent_records',
      description:
        'Append-only ledger: each grant or withdrawal of a consent and each acceptance of the policy.',
      subjectColumn: 'subject_id',
      controller: 'personal',
      retention: { kind: 'account_lifetime' },
      columns: {
        id: { notPersonal: 'identifier' },
        subject_id: proof('user.unique_id'),
        purpose: proof('user.privacy_preferences'),
        action: proof('user.privacy_preferences'),
        method: proof('user.privacy_preferences'),
        policy_version: { notPersonal: 'policy version number' },
        edition: { notPersonal: 'deployment edition' },
        recorded_at: timestamp,
      },
    },
    {
      table: 'guardian_consents',
      description: "A child's account waiting for, or holding, a guardian's consent.",
      subjectColumn: 'minor_id',
      controller: 'personal',
      retention: { kind: 'account_lifetime' },
      columns: {
        id: { notPersonal: 'identifier' },
        minor_id: proof('user.unique_id'),
        guardian_id: { ...proof('user.social'), sensitive: true },
        requested_at: timestamp,
        approved_at: timestamp,
        // Derived from the birth year: reveals that the person is a child (PRIV-11).
        rule_ends_at: { ...proof('user.childrens'), sensitive: true },
      },
    },
  ],
  nonPersonalTables: [
    { table: 'policy_versions', notPersonal: 'published policy versions' },
    { table: 'policy_texts', notPersonal: 'published policy texts' },
  ],
};
