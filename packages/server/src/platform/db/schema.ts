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
}
