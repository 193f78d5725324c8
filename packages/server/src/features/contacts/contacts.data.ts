import type { FeatureManifest, PersonalColumn } from '../../privacy/manifest';

const timestamp = { notPersonal: 'timestamp' } as const;

/** A contacts column: part of the messaging service the person signed up for. */
const social = (category: string): PersonalColumn => ({
  category,
  purposes: ['essential.service'],
  legalBasis: 'contract',
  erase: 'delete',
});

/**
 * Friend requests, friendships, blocks and discoverability (MSG-6). The other
 * person's id is the subject's social data; erasing that other person removes
 * the row too (ON DELETE CASCADE from `users`).
 */
export const contactsManifest: FeatureManifest = {
  feature: 'contacts',
  tables: [
    {
      table: 'contact_requests',
      description: 'Friend requests a person sent and that wait for an answer.',
      subjectColumn: 'from_user_id',
      controller: 'personal',
      retention: { kind: 'account_lifetime' },
      columns: {
        id: { notPersonal: 'identifier' },
        from_user_id: social('user.unique_id'),
        to_user_id: social('user.social'),
        created_at: timestamp,
      },
    },
    {
      table: 'contacts',
      description: "A person's friends: one row per friend, owned by the person.",
      subjectColumn: 'user_id',
      controller: 'personal',
      retention: { kind: 'account_lifetime' },
      columns: {
        user_id: social('user.unique_id'),
        contact_id: social('user.social'),
        created_at: timestamp,
      },
    },
    {
      table: 'contact_blocks',
      description: 'People a person blocked.',
      subjectColumn: 'user_id',
      controller: 'personal',
      retention: { kind: 'account_lifetime' },
      columns: {
        user_id: social('user.unique_id'),
        blocked_id: social('user.social'),
        created_at: timestamp,
      },
    },
    {
      table: 'contact_settings',
      description: 'Whether a person may be found by phone number or e-mail.',
      subjectColumn: 'user_id',
      controller: 'personal',
      retention: { kind: 'account_lifetime' },
      columns: {
        user_id: social('user.unique_id'),
        phone_discoverable_at: social('user.privacy_preferences'),
        email_discoverable_at: social('user.privacy_preferences'),
        updated_at: timestamp,
      },
    },
  ],
};
