import {
  REMINDER_DAYS_BEFORE,
  type OrgRightsRequest,
  type RightsRequestDue,
} from '@carillon/protocol/org-data';
import type { Organization } from '@carillon/protocol/organizations';
import { readChoice, writeChoice } from '../../ui/local-choice';

const DAY_MS = 86_400_000;

/** Overdue first, then nearest deadline. */
export const byUrgency = (a: RightsRequestDue, b: RightsRequestDue) =>
  Number(b.overdue) - Number(a.overdue) || a.deadlineAt - b.deadlineAt;

/** A reminder's stage: one shows again once its part falls overdue, even if dismissed before. */
const stageOf = (reminder: RightsRequestDue) =>
  `${reminder.id}:${reminder.overdue ? 'overdue' : 'due_soon'}`;

/**
 * The open parts of an organization's queue that the server reminds of (due
 * within REMINDER_DAYS_BEFORE days, or overdue), as reminders. Read from the
 * queue, a reminder reaches a browser that was away when it was sent, and
 * goes once the part is answered.
 */
export function dueReminders(
  organization: Organization,
  requests: OrgRightsRequest[],
  now: number,
): RightsRequestDue[] {
  return requests.flatMap((request) =>
    request.status === 'open' && request.deadlineAt - now <= REMINDER_DAYS_BEFORE * DAY_MS
      ? [
          {
            organizationId: organization.id,
            name: organization.name,
            id: request.id,
            kind: request.kind,
            deadlineAt: request.deadlineAt,
            daysLeft: Math.floor((request.deadlineAt - now) / DAY_MS),
            overdue: now > request.deadlineAt,
          },
        ]
      : [],
  );
}

/** The reminders one account dismissed, per part and stage. */
export interface Dismissals {
  /** The reminders not dismissed at their stage, overdue first. */
  shown(reminders: RightsRequestDue[]): RightsRequestDue[];
  dismiss(reminder: RightsRequestDue): void;
}

/** Dismissals kept in this browser per account, like the stream's cursor. */
export function localDismissals(userId: string): Dismissals {
  const key = `carillon.rightsReminders.dismissed.${userId}`;
  const read = (): string[] => {
    try {
      const stored: unknown = JSON.parse(readChoice(key) ?? '[]');
      return Array.isArray(stored) ? stored.filter((s) => typeof s === 'string') : [];
    } catch {
      // Not the list this client writes: nothing dismissed.
      return [];
    }
  };
  return {
    shown: (reminders) => {
      const dismissed = new Set(read());
      return reminders.filter((r) => !dismissed.has(stageOf(r))).sort(byUrgency);
    },
    dismiss: (reminder) => {
      // Only the newest few matter: an answered part never comes back.
      const kept = [...read().filter((s) => s !== stageOf(reminder)), stageOf(reminder)];
      writeChoice(key, JSON.stringify(kept.slice(-200)));
    },
  };
}
