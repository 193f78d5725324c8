import type { FeatureManifest } from '../../privacy/manifest';

/** Operators are staff of the deployment; their sign-in data is personal data too. */
export const operatorsManifest: FeatureManifest = {
  feature: 'operators',
  tables: [
    {
      table: 'operators',
      description: 'Platform operator accounts.',
      subjectColumn: 'id',
      controller: 'personal',
      retention: { kind: 'account_lifetime' },
      columns: {
        id: {
          category: 'user.unique_id',
          purposes: ['essential.service.operations'],
          legalBasis: 'contract',
          erase: 'delete',
        },
        username: {
          category: 'user.account.username',
          purposes: ['essential.service.authentication'],
          legalBasis: 'contract',
          erase: 'delete',
        },
        password_hash: {
          category: 'user.authorization.password',
          purposes: ['essential.service.authentication'],
          legalBasis: 'contract',
          erase: 'delete',
          exportable: false,
        },
        created_at: { notPersonal: 'timestamp' },
      },
    },
    {
      table: 'operator_sessions',
      description: 'Signed-in operator sessions; tokens kept only as hashes.',
      subjectColumn: 'operator_id',
      controller: 'personal',
      retention: { kind: 'days', days: 1, from: 'expires_at', reason: 'expired sessions' },
      columns: {
        id: { notPersonal: 'identifier' },
        operator_id: {
          category: 'user.unique_id',
          purposes: ['essential.service.authentication'],
          legalBasis: 'contract',
          erase: 'delete',
        },
        token_hash: {
          category: 'user.authorization.credentials',
          purposes: ['essential.service.authentication'],
          legalBasis: 'contract',
          erase: 'delete',
          exportable: false,
        },
        created_at: { notPersonal: 'timestamp' },
        last_seen_at: { notPersonal: 'timestamp' },
        expires_at: { notPersonal: 'timestamp' },
      },
    },
  ],
};
