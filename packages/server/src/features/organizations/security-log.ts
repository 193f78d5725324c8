import type { Clock } from '../../platform/clock';
import type { IdGenerator } from '../../platform/ids';
import type { SecurityEventKind, SecurityEvents } from '../../platform/organization-hooks';
import type { AuditEntryInput, AuditLog } from '../../privacy/audit/audit-log';
import type { SecurityLogRepository } from './security-log.repository';

/** How long a new organization keeps its security log, until an administrator changes it. */
export const DEFAULT_SECURITY_LOG_DAYS = 180;

/**
 * Writes the security log (ORG-9): each event of a person goes into the log
 * of every organization they are a member of at that moment, and of no other.
 */
export class OrgSecurityLog implements SecurityEvents {
  constructor(
    private readonly log: SecurityLogRepository,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async record(userId: string, kind: SecurityEventKind, detail: Record<string, string>) {
    await this.write(await this.log.organizationsOf(userId), userId, kind, detail);
  }

  /** An administrative action inside `organizationId`, when its actor is a member of it. */
  async adminAction(organizationId: string, userId: string, action: string): Promise<void> {
    const memberOf = await this.log.organizationsOf(userId);
    if (memberOf.includes(organizationId))
      await this.write([organizationId], userId, 'admin_action', { action });
  }

  private async write(
    organizationIds: string[],
    userId: string,
    kind: SecurityEventKind | 'admin_action',
    detail: Record<string, string>,
  ) {
    const now = this.clock.now();
    await this.log.insert(
      organizationIds.map((organizationId) => ({
        id: this.ids.next(),
        organization_id: organizationId,
        user_id: userId,
        kind,
        detail: JSON.stringify(detail),
        created_at: now,
      })),
    );
  }
}

/**
 * The audit log the organization features write to: every administrative
 * action (`organization.*` by a user, with its organization id) is audited
 * and also shown in that organization's security log, so no service can
 * audit one and forget the other.
 */
export function withSecurityLog(audit: AuditLog, log: OrgSecurityLog): AuditLog {
  return {
    async record(entry: AuditEntryInput) {
      await audit.record(entry);
      const organizationId = entry.detail?.organizationId;
      if (
        entry.action.startsWith('organization.') &&
        entry.actor.kind === 'user' &&
        entry.actor.id &&
        typeof organizationId === 'string'
      )
        await log.adminAction(organizationId, entry.actor.id, entry.action);
    },
  };
}
