/** Who did something the audit log records. `id` is a user or operator id; it is pseudonymized when written. */
export interface AuditActor {
  kind: 'user' | 'operator' | 'system';
  id?: string;
}

/** Values an audit entry may carry: never personal data, only ids, counts and names of things. */
export type AuditDetail = Record<string, string | number | boolean | null>;

/** One event for the audit log. `action` is `<entity>.<past-verb>`, e.g. `consent.granted`. */
export interface AuditEntryInput {
  actor: AuditActor;
  /** The person whose data the event concerns; stored only as a pseudonym. */
  subjectId?: string;
  action: string;
  /** Why the actor did it, required when someone reads another person's data. */
  purpose?: string;
  detail?: AuditDetail;
}

/** The append-only, tamper-evident audit log (PRIV-13). */
export interface AuditLog {
  record(entry: AuditEntryInput): Promise<void>;
}
