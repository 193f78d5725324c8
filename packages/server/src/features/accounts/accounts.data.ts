import type { FeatureManifest } from '../../privacy/manifest';

const timestamp = { notPersonal: 'timestamp' } as const;

/** Accounts: how a person signs in, and the security notices they receive. */
export const accountsManifest: FeatureManifest = {
  feature: 'accounts',
  tables: [
    {
      table: 'users',
      description: 'One row per account: sign-in identifiers and the password hash.',
      subjectColumn: 'id',
      controller: 'personal',
      retention: { kind: 'account_lifetime' },
      columns: {
        id: {
          category: 'user.unique_id',
          purposes: ['essential.service'],
          legalBasis: 'contract',
          erase: 'delete',
        },
        phone: {
          category: 'user.contact.phone_number',
          purposes: ['essential.service.authentication', 'essential.service.notifications.sms'],
          legalBasis: 'contract',
          erase: 'delete',
        },
        email: {
          category: 'user.contact.email',
          purposes: ['essential.service.authentication', 'essential.service.notifications.email'],
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
        created_at: timestamp,
        password_changed_at: timestamp,
        frozen_at: {
          category: 'user.account.settings',
          purposes: ['essential.service.security'],
          legalBasis: 'contract',
          erase: 'delete',
        },
      },
    },
    {
      table: 'security_notices',
      description: 'New-device, password and freeze notices shown to the account owner.',
      subjectColumn: 'user_id',
      controller: 'personal',
      retention: { kind: 'days', days: 180, from: 'created_at', reason: 'security review' },
      columns: {
        id: { notPersonal: 'identifier' },
        user_id: {
          category: 'user.unique_id',
          purposes: ['essential.service.security'],
          legalBasis: 'contract',
          erase: 'delete',
        },
        kind: { notPersonal: 'enumeration' },
        detail: {
          category: 'user.device',
          purposes: ['essential.service.security'],
          legalBasis: 'legitimate_interest',
          erase: 'delete',
        },
        created_at: timestamp,
      },
    },
  ],
};
