import type { FeatureManifest, PersonalColumn } from '../../privacy/manifest';

const timestamp = { notPersonal: 'timestamp' } as const;
const owner: PersonalColumn = {
  category: 'user.unique_id',
  purposes: ['essential.service.operations'],
  legalBasis: 'contract',
  erase: 'delete',
};

/** Presence: who is connected right now, and when people were last online (MSG-2, PRIV-19). */
export const realtimeManifest: FeatureManifest = {
  feature: 'realtime',
  tables: [
    {
      table: 'presence_connections',
      description: 'Open real-time connections, one per device socket, while they are open.',
      subjectColumn: 'user_id',
      controller: 'personal',
      retention: {
        kind: 'days',
        days: 1,
        from: 'expires_at',
        reason: 'rows of a dead server node expire within a minute and are swept',
      },
      columns: {
        id: { notPersonal: 'identifier' },
        user_id: owner,
        node_id: { notPersonal: 'server node identifier' },
        expires_at: timestamp,
      },
    },
    {
      table: 'presence',
      description: 'When a person was last online, and whether they hide that time.',
      subjectColumn: 'user_id',
      controller: 'personal',
      retention: { kind: 'account_lifetime' },
      columns: {
        user_id: owner,
        last_seen_at: {
          category: 'user.behavior',
          purposes: ['essential.service.operations'],
          legalBasis: 'contract',
          erase: 'delete',
        },
        last_seen_hidden_at: timestamp,
        updated_at: timestamp,
      },
    },
  ],
};
