import type { FeatureManifest, PersonalColumn } from '../../privacy/manifest';

const timestamp = { notPersonal: 'timestamp' } as const;
const owner: PersonalColumn = {
  category: 'user.unique_id',
  purposes: ['essential.service.authentication'],
  legalBasis: 'contract',
  erase: 'delete',
};

/** Devices a person signed in from, and their live sessions (ACC-2). */
export const sessionsManifest: FeatureManifest = {
  feature: 'sessions',
  tables: [
    {
      table: 'devices',
      description: 'Devices a person has signed in from, as the device named itself.',
      subjectColumn: 'user_id',
      controller: 'personal',
      retention: { kind: 'account_lifetime' },
      columns: {
        id: {
          category: 'user.device.device_id',
          purposes: ['essential.service.security'],
          legalBasis: 'contract',
          erase: 'delete',
        },
        user_id: owner,
        name: {
          category: 'user.device',
          purposes: ['essential.service.security'],
          legalBasis: 'contract',
          erase: 'delete',
        },
        platform: {
          category: 'user.device',
          purposes: ['essential.service.security'],
          legalBasis: 'contract',
          erase: 'delete',
        },
        first_seen_at: timestamp,
        last_seen_at: timestamp,
      },
    },
    {
      table: 'sessions',
      description: 'Signed-in sessions; the token is kept only as its hash.',
      subjectColumn: 'user_id',
      controller: 'personal',
      retention: {
        kind: 'days',
        days: 30,
        from: 'last_seen_at',
        reason: 'sessions expire when idle',
      },
      columns: {
        id: { notPersonal: 'identifier' },
        user_id: owner,
        device_id: {
          category: 'user.device.device_id',
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
        ip_region: {
          category: 'user.location.imprecise',
          purposes: ['essential.service.security'],
          legalBasis: 'legitimate_interest',
          erase: 'delete',
        },
        created_at: timestamp,
        last_seen_at: timestamp,
        expires_at: timestamp,
      },
    },
  ],
};
