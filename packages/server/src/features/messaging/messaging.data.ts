import type { FeatureManifest, PersonalColumn } from '../../privacy/manifest';

const timestamp = { notPersonal: 'timestamp' } as const;

/** Rows in a conversation an organization owns are that organization's (ORG-4, ADR 12, ADR 18). */
const inOwnedConversation = {
  column: 'conversation_id',
  references: 'conversations',
  organizationColumn: 'organization_id',
} as const;

/** The `mentions` value of a message that mentions nobody. */
export const NO_MENTIONS = '{"userIds":[],"all":false}';

/** A messaging column: part of the messaging service the person signed up for. */
const service = (category: string, erase: PersonalColumn['erase'] = 'delete'): PersonalColumn => ({
  category,
  purposes: ['essential.service'],
  legalBasis: 'contract',
  erase,
});

/** A column of a colleague chat: organization-controlled, held for running its work. */
const work = (category: string): PersonalColumn => ({
  category,
  purposes: ['employment', 'essential.service'],
  legalBasis: 'contract',
  erase: 'delete',
});

/**
 * Conversations, messages, read positions and event streams (MSG-1/2/3/5).
 * Message bodies in personal conversations are encrypted under the sender's
 * key: erasing the sender shreds the key, blanks the sender id and leaves a
 * placeholder in the others' history, so sequence numbers stay without gaps
 * (ADR 0009). Members and messages of a conversation an organization owns (a
 * colleague chat, an organization group) are that organization's (ADR 0012),
 * and their bodies are sealed under the organization's key, so its copy
 * stays readable after the sender is erased (ADR 0019).
 */
export const messagingManifest: FeatureManifest = {
  feature: 'messaging',
  nonPersonalTables: [
    {
      table: 'conversations',
      notPersonal:
        'group metadata shared by its members (name, announcement, settings, counters, owning organization and department); who is in it lives in conversation_members',
    },
    {
      table: 'event_log_head',
      notPersonal: 'one counter: the newest position of the event log',
    },
    {
      table: 'message_attachments',
      notPersonal:
        'links a message to a file by ids only; the file row belongs to its owner, whose erasure deletes the file and, by cascade, the link',
    },
  ],
  tables: [
    {
      table: 'conversation_members',
      description: 'The conversations a person is in, their role, read position and settings.',
      subjectColumn: 'user_id',
      controller: 'personal',
      // A place in the organization's conversation is the person's link to it, like a membership.
      organizationRowsVia: { ...inOwnedConversation, onPersonErased: 'erase' },
      retention: { kind: 'account_lifetime' },
      columns: {
        conversation_id: { notPersonal: 'identifier' },
        user_id: service('user.unique_id'),
        role: service('user.social'),
        read_seq: service('user.behavior'),
        muted_at: service('user.behavior'),
        pinned_at: service('user.behavior'),
        joined_at: timestamp,
        joined_seq: { notPersonal: 'sequence number' },
        joined_position: { notPersonal: 'log position' },
      },
    },
    {
      table: 'messages',
      description:
        "Messages a person sent; the text is encrypted under their key, or under the organization's in its conversations.",
      subjectColumn: 'sender_id',
      controller: 'personal',
      sealedBy: 'sealed_by',
      // The organization's copy: kept on the sender's erasure, expired by its retention period.
      organizationRowsVia: {
        ...inOwnedConversation,
        retentionFrom: 'created_at',
        onPersonErased: 'keep',
      },
      retention: { kind: 'account_lifetime' },
      columns: {
        id: { notPersonal: 'identifier' },
        conversation_id: { notPersonal: 'identifier' },
        seq: { notPersonal: 'sequence number' },
        sender_id: service('user.unique_id', 'anonymize'),
        client_id: { notPersonal: 'identifier' },
        body: service('user.content.private', 'shred'),
        mentions: { ...service('user.social'), erasedValue: NO_MENTIONS },
        reply_to_seq: { notPersonal: 'sequence number' },
        recalled_at: timestamp,
        created_at: timestamp,
        kind: { notPersonal: 'message type' },
        forwarded: { notPersonal: 'flag' },
        sealed_by: { notPersonal: "the organization's vault subject, or NULL for the sender's" },
      },
    },
    {
      table: 'message_hides',
      description: 'Messages a person deleted for themselves only.',
      subjectColumn: 'user_id',
      controller: 'personal',
      retention: { kind: 'account_lifetime' },
      columns: {
        message_id: { notPersonal: 'identifier' },
        user_id: service('user.unique_id'),
        hidden_at: timestamp,
      },
    },
    {
      table: 'direct_chats',
      description: 'The one-to-one chats a person has, one row per side, naming the other person.',
      subjectColumn: 'user_id',
      controller: 'personal',
      retention: { kind: 'account_lifetime' },
      columns: {
        user_id: service('user.unique_id'),
        peer_id: service('user.social'),
        conversation_id: { notPersonal: 'identifier' },
      },
    },
    {
      table: 'colleague_chats',
      description:
        'The one-to-one chats a person had with colleagues, one row per side: the organization owns them, and they end when either person leaves it (ORG-5).',
      subjectColumn: 'user_id',
      controller: 'organization',
      organization: { column: 'organization_id', onPersonErased: 'erase' },
      retention: { kind: 'account_lifetime' },
      columns: {
        conversation_id: { notPersonal: 'identifier' },
        user_id: work('user.unique_id'),
        peer_id: work('user.social'),
        organization_id: { notPersonal: 'identifier' },
        ended_at: timestamp,
      },
    },
    {
      table: 'join_requests',
      description: 'Requests a person made to join groups that need approval.',
      subjectColumn: 'user_id',
      controller: 'personal',
      retention: { kind: 'account_lifetime' },
      columns: {
        conversation_id: { notPersonal: 'identifier' },
        user_id: service('user.unique_id'),
        requested_at: timestamp,
      },
    },
    {
      table: 'events',
      description:
        "The event log devices resume from (ids and numbers, never message text): a person's own events, and their conversations' events read through their membership.",
      subjectColumn: 'user_id',
      controller: 'personal',
      retention: {
        kind: 'days',
        days: 90,
        from: 'created_at',
        reason: 'a device offline longer re-reads history instead of events',
      },
      columns: {
        position: { notPersonal: 'log position' },
        conversation_id: { notPersonal: 'identifier' },
        user_id: service('user.unique_id'),
        type: { notPersonal: 'event name' },
        payload: service('user.social'),
        created_at: timestamp,
      },
    },
  ],
};
