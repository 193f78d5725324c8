/**
 * Row types for Kysely. Times are integer milliseconds (UTC); booleans are
 * represented by nullable timestamps ("frozen_at") so both dialects agree.
 */
export interface UsersTable {
  id: string;
  phone: string | null;
  email: string | null;
  password_hash: string;
  created_at: number;
  password_changed_at: number;
  frozen_at: number | null;
}

export interface ProfilesTable {
  user_id: string;
  nickname: string;
  avatar_hash: string | null;
  /** This and the next four hold key-vault ciphertexts (`v1.…`), never plaintext. */
  real_name: string | null;
  gender: string | null;
  birthday: string | null;
  work_region: string | null;
  enterprise_email: string | null;
  /** JSON object: field name to visibility. */
  visibility: string;
  updated_at: number;
}

export interface VerificationCodesTable {
  id: string;
  channel: 'sms' | 'email';
  destination: string;
  purpose: string;
  code_hash: string;
  attempts: number;
  requester_ip: string;
  created_at: number;
  expires_at: number;
  consumed_at: number | null;
}

export interface OutboxTable {
  id: string;
  channel: 'sms' | 'email';
  destination: string;
  subject: string | null;
  body: string;
  created_at: number;
}

export interface DevicesTable {
  id: string;
  user_id: string;
  name: string;
  platform: string;
  first_seen_at: number;
  last_seen_at: number;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  device_id: string;
  token_hash: string;
  ip_region: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

export interface SecurityNoticesTable {
  id: string;
  user_id: string;
  kind: string;
  /** JSON object of strings. */
  detail: string;
  created_at: number;
}

export interface OperatorsTable {
  id: string;
  username: string;
  password_hash: string;
  created_at: number;
}

export interface OperatorSessionsTable {
  id: string;
  operator_id: string;
  token_hash: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

/** One audit-log entry (PRIV-13); people appear only as pseudonyms (HMAC of their id). */
export interface AuditEntriesTable {
  /** 1, 2, 3, … without gaps; unique, so two writers cannot both append the same number. */
  seq: number;
  id: string;
  at: number;
  actor_kind: 'user' | 'operator' | 'system';
  actor_ref: string | null;
  subject_ref: string | null;
  action: string;
  purpose: string | null;
  /** Canonical JSON object of ids, counts and names; never personal data. */
  detail: string;
  /** SHA-256 (hex) of the previous entry; 64 zeros for the first. */
  prev_hash: string;
  hash: string;
}

/** A signed statement that the audit log's entry `seq` had hash `hash` at time `at`. */
export interface AuditCheckpointsTable {
  seq: number;
  hash: string;
  /** Ed25519 signature, base64. */
  signature: string;
  /** SHA-256 (hex) of the signing public key (SPKI DER). */
  key_id: string;
  at: number;
}

/** One published privacy-policy version (PRIV-1); never changed once written. */
export interface PolicyVersionsTable {
  version: number;
  change_kind: 'significant' | 'minor';
  /** JSON array of strings: what changed since the previous version. */
  changes: string;
  published_at: number;
}

/** A policy version's full text and summary in one language. */
export interface PolicyTextsTable {
  version: number;
  language: string;
  summary: string;
  body: string;
}

/** The append-only consent ledger (PRIV-2): rows are inserted, never updated. */
export interface ConsentRecordsTable {
  id: string;
  subject_id: string;
  /** A key of the purposes catalogue, or `policy` for accepting the policy. */
  purpose: string;
  action: 'granted' | 'withdrawn';
  method: 'ui' | 'api' | 'guardian' | 'gpc';
  policy_version: number;
  edition: string;
  recorded_at: number;
}

/** A minor's account waiting for, or holding, a guardian's consent (PRIV-10). */
export interface GuardianConsentsTable {
  id: string;
  minor_id: string;
  guardian_id: string | null;
  requested_at: number;
  approved_at: number | null;
  /** When the minor is old enough not to need a guardian. */
  rule_ends_at: number;
}

/** A data-rights request (PRIV-5); `details` is the submitted body as JSON. */
export interface RightsRequestsTable {
  id: string;
  /** Null once the account is erased. */
  user_id: string | null;
  kind: string;
  status: string;
  details: string | null;
  /** The kind while being fulfilled, else null; unique per user. */
  open_kind: string | null;
  created_at: number;
  deadline_at: number;
  verified_at: number | null;
  started_at: number | null;
  closed_at: number | null;
  /** Set while the request waits in the operator queue. */
  awaiting_operator_at: number | null;
  answer: string | null;
  refusal_reason: string | null;
}

/** A persisted account-erasure job (ACC-8): runs once the cooling-off period is over. */
export interface AccountErasuresTable {
  request_id: string;
  /** Cleared when the erasure completes. */
  user_id: string | null;
  requested_at: number;
  erase_after: number;
  started_at: number | null;
  lease_until: number | null;
  attempts: number;
  completed_at: number | null;
  withdrawn_at: number | null;
}

/** A data category whose processing a person restricted (GDPR Art. 18): kept, not used. */
export interface RestrictionsTable {
  id: string;
  subject_id: string;
  /** Fides data category; it covers its sub-categories too. */
  category: string;
  created_at: number;
}

/** A third party that received some of a person's data (PRIV-6). */
export interface DataRecipientsTable {
  id: string;
  subject_id: string;
  recipient: string;
  purpose: string;
  /** JSON array of Fides data categories. */
  categories: string;
  created_at: number;
}

/** A recipient told to delete a person's data after an erasure (PRIV-6). */
export interface DeletionNoticesTable {
  id: string;
  recipient_id: string;
  recipient: string;
  subject_id: string;
  /** JSON array of the Fides data categories the recipient is to delete. */
  categories: string;
  created_at: number;
  sent_at: number | null;
}

/** One run of the retention job (PRIV-8). */
export interface RetentionRunsTable {
  id: string;
  started_at: number;
  finished_at: number;
  rows_deleted: number;
  values_anonymized: number;
  /** JSON object: table name to rows deleted and values anonymized. */
  detail: string;
}

/** A friend request (MSG-6) waiting for its recipient's answer. */
export interface ContactRequestsTable {
  id: string;
  from_user_id: string;
  to_user_id: string;
  created_at: number;
}

/** One side of a friendship: two rows per pair, one owned by each person. */
export interface ContactsTable {
  user_id: string;
  contact_id: string;
  created_at: number;
}

/** `user_id` blocked `blocked_id`: no requests, no finding, no messages. */
export interface ContactBlocksTable {
  user_id: string;
  blocked_id: string;
  created_at: number;
}

/** Who may find a person by phone or e-mail; no row means the defaults (nobody). */
export interface ContactSettingsTable {
  user_id: string;
  phone_discoverable_at: number | null;
  email_discoverable_at: number | null;
  updated_at: number;
}

/** A group or one-to-one chat; `last_seq` is its newest message's number. */
export interface ConversationsTable {
  id: string;
  kind: 'group' | 'direct';
  name: string | null;
  announcement: string | null;
  /** Set while joining by link needs an owner's or admin's approval. */
  join_approval_at: number | null;
  last_seq: number;
  member_count: number;
  created_at: number;
  last_activity_at: number;
  /** The organization that owns it (ADR 12): a colleague chat, an organization group, or a group started in its context. */
  organization_id: string | null;
  /** `all_staff` or `department`: a group whose members follow the directory. */
  org_group: 'all_staff' | 'department' | null;
  /** The department a department group follows. */
  department_id: string | null;
}

/** A person's membership in a conversation, with their read position (MSG-3). */
export interface ConversationMembersTable {
  conversation_id: string;
  user_id: string;
  role: 'owner' | 'admin' | 'member';
  read_seq: number;
  muted_at: number | null;
  pinned_at: number | null;
  joined_at: number;
  /** The conversation's last seq when they joined; receipts of older messages leave them out. */
  joined_seq: number;
  /** The event log's position when they joined; the conversation's events after it are theirs. */
  joined_position: number;
}

/** A message; `body` is ciphertext under the sender's vault key, null once recalled. */
export interface MessagesTable {
  id: string;
  conversation_id: string;
  seq: number;
  sender_id: string | null;
  client_id: string;
  body: string | null;
  /** JSON `{ userIds: string[], all: boolean }`: who is mentioned, and whether @all is. */
  mentions: string;
  reply_to_seq: number | null;
  recalled_at: number | null;
  created_at: number;
  kind: 'text' | 'image' | 'file' | 'voice' | 'location';
  /** 1 for a forwarded copy. */
  forwarded: number;
  /** The vault subject whose key sealed `body`: an organization's (ADR 19); NULL is the sender's. */
  sealed_by: string | null;
}

/** The file a message carries (FK to `files`). */
export interface MessageAttachmentsTable {
  message_id: string;
  conversation_id: string;
  file_id: string;
}

/** One side of a one-to-one chat; the pair `(user_id, peer_id)` has one conversation. */
export interface DirectChatsTable {
  user_id: string;
  peer_id: string;
  conversation_id: string;
}

/**
 * One side of a one-to-one chat between colleagues, owned by their
 * organization; `ended_at` is set on both sides when either of them leaves it.
 */
export interface ColleagueChatsTable {
  conversation_id: string;
  user_id: string;
  peer_id: string;
  organization_id: string;
  ended_at: number | null;
}

/** A request to join a group that needs approval. */
export interface JoinRequestsTable {
  conversation_id: string;
  user_id: string;
  requested_at: number;
}

/** A message one member deleted for themselves only. */
export interface MessageHidesTable {
  message_id: string;
  user_id: string;
  hidden_at: number;
}

/** A one-off start-up task that has done its whole job (migration 0020). */
export interface MaintenanceDoneTable {
  task: string;
  done_at: number;
}

/** The newest position of the event log (one row, id 1); its row lock orders commits. */
export interface EventLogHeadTable {
  id: number;
  position: number;
}

/**
 * One event of the shared log, written with the change it describes: for
 * every member of `conversation_id`, or for `user_id` alone.
 */
export interface EventsTable {
  position: number;
  conversation_id: string | null;
  user_id: string | null;
  type: string;
  /** JSON object. */
  payload: string;
  created_at: number;
}

/** An uploaded file: who owns it, what it is, and the hashes of its bytes and thumbnail. */
export interface FilesTable {
  id: string;
  owner_id: string;
  hash: string;
  thumbnail_hash: string | null;
  name: string;
  media_type: string;
  kind: string;
  size: number;
  width: number | null;
  height: number | null;
  created_at: number;
}

/** One live WebSocket on some node; its node pushes `expires_at` forward while it lives. */
export interface PresenceConnectionsTable {
  id: string;
  user_id: string;
  node_id: string;
  expires_at: number;
}

/** When a person was last online, and since when they hide it (null: shown). */
export interface PresenceTable {
  user_id: string;
  last_seen_at: number | null;
  last_seen_hidden_at: number | null;
  updated_at: number;
}

/** An organization (ORG-1); `tree_version` is bumped, and so locked, by every department change. */
export interface OrganizationsTable {
  id: string;
  name: string;
  location: string | null;
  industry: string | null;
  staff_size: string | null;
  certified_at: number | null;
  tree_version: number;
  created_at: number;
  /** Enterprise accounts sign in with it; given out on first use, then stable (ORG-3). */
  code: string | null;
  /** How long the organization's security log is kept (ORG-9). */
  security_log_days: number;
}

/** A person's membership of an organization, with the details the organization assigns. */
export interface OrganizationMembersTable {
  organization_id: string;
  user_id: string;
  role: 'main_admin' | 'sub_admin' | 'member';
  admin_scope: string | null;
  name: string;
  search_key: string;
  position: string | null;
  job_number: string | null;
  office_email: string | null;
  office_phone: string | null;
  joined_at: number;
}

/** A department; `parent_id` null sits directly under the organization. */
export interface OrganizationDepartmentsTable {
  id: string;
  organization_id: string;
  parent_id: string | null;
  name: string;
  manager_id: string | null;
  created_at: number;
}

/** Which departments a member is in (several are allowed). */
export interface OrganizationDepartmentMembersTable {
  department_id: string;
  organization_id: string;
  user_id: string;
}

/** A certification request reviewed by a platform operator. */
export interface OrganizationCertificationsTable {
  id: string;
  organization_id: string;
  status: 'pending' | 'approved' | 'rejected';
  legal_name: string;
  registration_number: string;
  legal_representative: string;
  documents: string;
  submitted_by: string | null;
  submitted_at: number;
  reviewed_by: string | null;
  reviewed_at: number | null;
  reason: string | null;
}

/**
 * A document of a certification request: the upload it came from and the
 * request's own reference to its content (`hash`), so the bytes stay while
 * the request names them.
 */
export interface OrganizationCertificationDocumentsTable {
  certification_id: string;
  file_id: string;
  organization_id: string;
  position: number;
  uploaded_by: string | null;
  hash: string;
  name: string;
  media_type: string;
  size: number;
}

/** A phone invitation or a short join code. */
export interface OrganizationInvitationsTable {
  id: string;
  organization_id: string;
  phone: string | null;
  code: string | null;
  created_at: number;
  expires_at: number;
  answered_at: number | null;
}

/** How many days an organization keeps the data it controls (ORG-4). */
export interface OrganizationDataRetentionTable {
  organization_id: string;
  days: number;
  updated_at: number;
}

/** The part of a member's data-rights request routed to one organization's administrators. */
export interface OrganizationRightsRequestsTable {
  id: string;
  request_id: string;
  organization_id: string;
  /** Cleared when the requester's account is erased. */
  user_id: string | null;
  kind: string;
  /** JSON of what is asked, sealed under the requester's key. */
  details: string | null;
  /** JSON array of table names. */
  tables: string;
  /** `open`, `fulfilled` or `refused`. */
  status: string;
  answer: string | null;
  refusal_reason: string | null;
  created_at: number;
  /** When the organization must have answered: the edition's days, counted from routing. */
  deadline_at: number;
  answered_at: number | null;
  /** The last reminder its main administrator got: `due_soon`, `overdue`, or NULL for none. */
  reminded: string | null;
}

/**
 * A routed part kept for the member once its organization was dissolved:
 * its outcome, with the organization's name, since the organization is gone.
 */
export interface DissolvedOrganizationPartsTable {
  id: string;
  request_id: string;
  user_id: string;
  organization_id: string;
  organization_name: string;
  kind: string;
  /** `fulfilled` or `refused` (open parts are refused when the organization is dissolved). */
  status: string;
  answer: string | null;
  refusal_reason: string | null;
  created_at: number;
  deadline_at: number;
  answered_at: number;
}

/** A dissolution: due after the grace period, claimed with a lease like account erasures. */
export interface OrganizationDissolutionsTable {
  organization_id: string;
  requested_at: number;
  erase_after: number;
  started_at: number | null;
  lease_until: number | null;
  attempts: number;
  completed_at: number | null;
  withdrawn_at: number | null;
}

/** A person's request to join an organization. */
export interface OrganizationApplicationsTable {
  id: string;
  organization_id: string;
  user_id: string;
  message: string | null;
  status: 'pending' | 'approved' | 'declined';
  created_at: number;
  decided_at: number | null;
}

/** An account an organization created for a member (ORG-3). */
export interface EnterpriseAccountsTable {
  user_id: string;
  organization_id: string;
  account_name: string;
  account_key: string;
  created_at: number;
  disabled_at: number | null;
}

/** A built-in function an organization turned off; absent means on (ORG-7). */
export interface OrganizationDisabledAppsTable {
  organization_id: string;
  app: string;
  disabled_at: number;
}

/** One security-relevant event of a member, for the organization's administrators (ORG-9). */
export interface OrganizationSecurityLogTable {
  id: string;
  organization_id: string;
  user_id: string;
  kind: 'login' | 'logout' | 'new_device' | 'file_download' | 'admin_action';
  detail: string;
  created_at: number;
}

/** The whole database as Kysely sees it. */
export interface Database {
  users: UsersTable;
  profiles: ProfilesTable;
  verification_codes: VerificationCodesTable;
  outbox: OutboxTable;
  devices: DevicesTable;
  sessions: SessionsTable;
  security_notices: SecurityNoticesTable;
  operators: OperatorsTable;
  operator_sessions: OperatorSessionsTable;
  audit_entries: AuditEntriesTable;
  audit_checkpoints: AuditCheckpointsTable;
  policy_versions: PolicyVersionsTable;
  policy_texts: PolicyTextsTable;
  consent_records: ConsentRecordsTable;
  guardian_consents: GuardianConsentsTable;
  rights_requests: RightsRequestsTable;
  account_erasures: AccountErasuresTable;
  restrictions: RestrictionsTable;
  data_recipients: DataRecipientsTable;
  deletion_notices: DeletionNoticesTable;
  retention_runs: RetentionRunsTable;
  contact_requests: ContactRequestsTable;
  contacts: ContactsTable;
  contact_blocks: ContactBlocksTable;
  contact_settings: ContactSettingsTable;
  conversations: ConversationsTable;
  conversation_members: ConversationMembersTable;
  messages: MessagesTable;
  message_hides: MessageHidesTable;
  message_attachments: MessageAttachmentsTable;
  direct_chats: DirectChatsTable;
  colleague_chats: ColleagueChatsTable;
  join_requests: JoinRequestsTable;
  event_log_head: EventLogHeadTable;
  maintenance_done: MaintenanceDoneTable;
  events: EventsTable;
  presence_connections: PresenceConnectionsTable;
  presence: PresenceTable;
  files: FilesTable;
  organizations: OrganizationsTable;
  organization_members: OrganizationMembersTable;
  organization_departments: OrganizationDepartmentsTable;
  organization_department_members: OrganizationDepartmentMembersTable;
  organization_certifications: OrganizationCertificationsTable;
  organization_certification_documents: OrganizationCertificationDocumentsTable;
  organization_invitations: OrganizationInvitationsTable;
  organization_applications: OrganizationApplicationsTable;
  enterprise_accounts: EnterpriseAccountsTable;
  organization_disabled_apps: OrganizationDisabledAppsTable;
  organization_security_log: OrganizationSecurityLogTable;
  organization_data_retention: OrganizationDataRetentionTable;
  organization_rights_requests: OrganizationRightsRequestsTable;
  organization_dissolutions: OrganizationDissolutionsTable;
  dissolved_organization_parts: DissolvedOrganizationPartsTable;
}
