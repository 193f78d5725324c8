import { REMINDER_DAYS_BEFORE, type RightsRequestDue } from '@carillon/protocol/org-data';
import type { RightsRequestKind } from '@carillon/protocol/rights';
import type { Clock } from '../../platform/clock';
import { DAY_MS, openDeadline } from '../../privacy/rights/request-states';
import type { MemberNotice } from './dissolution.service';
import type { OrganizationsStore } from './organizations.store';

/** Parts reminded per pass; the next pass takes the rest. */
const BATCH = 100;

/**
 * Reminds an organization's main administrator of the routed data-rights
 * parts they have not answered (PRIV-5, ADR 20): once when the deadline is
 * `REMINDER_DAYS_BEFORE` days away, once when it has passed, as an
 * `organization.rights_request_due` event in their own stream (live over the
 * WebSocket, kept in their event log), the way dissolution notices go out.
 * Each reminder is recorded on the part before it is sent, so however many
 * nodes run the job, it goes out at most once. Whether a part is due is the
 * Clock's decision.
 */
export class RoutedPartReminders {
  constructor(
    private readonly store: OrganizationsStore,
    private readonly notify: MemberNotice,
    private readonly clock: Clock,
  ) {}

  /** Sends the reminders that are due; returns how many went out. */
  async runDue(onError: (error: unknown) => void = () => undefined): Promise<number> {
    const now = this.clock.now();
    const { controller } = this.store;
    let sent = 0;
    for (const part of await controller.dueReminders(now, REMINDER_DAYS_BEFORE * DAY_MS, BATCH)) {
      const deadline = openDeadline(part.deadline_at, now);
      try {
        const stage = deadline.overdue ? 'overdue' : 'due_soon';
        if (!(await controller.markReminded(part.id, stage, part.reminded))) continue;
        const organization = await this.store.organizations.find(part.organization_id);
        const admins = await controller.mainAdminIds(part.organization_id);
        // Typed by the protocol's schema, which clients check the event against.
        const reminder: RightsRequestDue = {
          organizationId: part.organization_id,
          name: organization?.name ?? null,
          id: part.id,
          kind: part.kind as RightsRequestKind,
          ...deadline,
        };
        await this.notify(admins, 'organization.rights_request_due', reminder);
        sent++;
      } catch (error) {
        onError(error);
      }
    }
    return sent;
  }
}
