import type { FeatureManifest, PersonalColumn } from '../manifest';

const timestamp = { notPersonal: 'timestamp' } as const;
const requestText: PersonalColumn = {
  category: 'user.privacy_preferences',
  purposes: ['essential.legal_obligation'],
  legalBasis: 'legal_obligation',
  erase: 'anonymize',
};
/** The submitted body: it can repeat sealed profile values, so it is sealed too. */
const submittedBody: PersonalColumn = { ...requestText, erase: 'shred' };

/** Data-rights requests and account-erasure jobs (PRIV-5, ACC-8). */
export const rightsManifest: FeatureManifest = {
  feature: 'rights',
  tables: [
    {
      table: 'rights_requests',
      description:
        'Your data-rights requests and complaints, their deadlines and the answers given.',
      subjectColumn: 'user_id',
      controller: 'personal',
      retention: {
        kind: 'days',
        days: 3 * 365,
        from: 'created_at',
        reason: 'proof that each request was answered in time (accountability)',
      },
      columns: {
        id: { notPersonal: 'identifier' },
        // Anonymized, not deleted: erasing the account keeps the bare record that
        // a request of this kind was answered, linked to nobody.
        user_id: {
          category: 'user.unique_id',
          purposes: ['essential.legal_obligation'],
          legalBasis: 'legal_obligation',
          erase: 'anonymize',
        },
        kind: { notPersonal: 'enumeration' },
        status: { notPersonal: 'enumeration' },
        details: submittedBody,
        open_kind: { notPersonal: 'enumeration' },
        created_at: timestamp,
        deadline_at: timestamp,
        verified_at: timestamp,
        started_at: timestamp,
        closed_at: timestamp,
        awaiting_operator_at: timestamp,
        answer: requestText,
        refusal_reason: requestText,
      },
    },
    {
      table: 'account_erasures',
      description: 'A pending account cancellation: when its cooling-off period ends.',
      subjectColumn: 'user_id',
      controller: 'personal',
      retention: {
        kind: 'days',
        days: 3 * 365,
        from: 'requested_at',
        reason: 'proof that the account was erased; the person is unlinked on completion',
      },
      columns: {
        // The job must survive the erasure it performs, so a crash mid-way resumes;
        // the job clears this id itself when it completes.
        request_id: { notPersonal: 'identifier' },
        user_id: {
          category: 'user.unique_id',
          purposes: ['essential.legal_obligation'],
          legalBasis: 'legal_obligation',
          erase: 'keep_pseudonymous',
        },
        requested_at: timestamp,
        erase_after: timestamp,
        started_at: timestamp,
        lease_until: timestamp,
        attempts: { notPersonal: 'counter' },
        completed_at: timestamp,
        withdrawn_at: timestamp,
      },
    },
  ],
};
