import type { AuditActor, AuditLog } from '../../privacy/audit/audit-log';

/** One administrative action inside an organization, for the audit log. */
export interface OrgAuditEntry {
  actor: AuditActor;
  /** `organization.<past-verb>`, e.g. `organization.member_removed`. */
  action: string;
  organizationId: string;
  /** The person the action concerns, when there is one. */
  subjectId?: string | undefined;
  /** Operators touching a person's data must say why. */
  purpose?: string;
  detail?: Record<string, string | number | boolean | null>;
}

/** Records an administrative action; every one is audited (ORG-2). */
export function recordOrgAction(audit: AuditLog, entry: OrgAuditEntry): Promise<void> {
  return audit.record({
    actor: entry.actor,
    ...(entry.subjectId ? { subjectId: entry.subjectId } : {}),
    ...(entry.purpose ? { purpose: entry.purpose } : {}),
    action: entry.action,
    detail: { organizationId: entry.organizationId, ...entry.detail },
  });
}
