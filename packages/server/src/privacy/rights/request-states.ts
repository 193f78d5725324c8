import type { RightsRequestKind, RightsRequestStatus } from '@carillon/protocol/rights';
import { AppError } from '../../platform/errors';
import type { EditionRules } from '../editions';

/**
 * The life of a data-rights request (PRIV-5):
 *
 *   submitted ─verify─▶ verified ─start─▶ in_progress ─▶ fulfilled
 *       │                   │                  ├──────▶ refused (with a written reason)
 *       └───────────────────┴──────────────────┴──────▶ withdrawn (by its owner)
 *
 * Nothing is done for a request before its owner's identity is verified.
 */
const transitions: Record<RightsRequestStatus, readonly RightsRequestStatus[]> = {
  submitted: ['verified', 'withdrawn'],
  verified: ['in_progress', 'withdrawn'],
  in_progress: ['fulfilled', 'refused', 'withdrawn'],
  fulfilled: [],
  refused: [],
  withdrawn: [],
};

/** Whether a request may move from one status to another. */
export function canMove(from: RightsRequestStatus, to: RightsRequestStatus): boolean {
  return transitions[from].includes(to);
}

/** Fails with `conflict` (409) when the move is not allowed, naming both states. */
export function assertMove(from: RightsRequestStatus, to: RightsRequestStatus): void {
  if (!canMove(from, to))
    throw new AppError('conflict', `A request that is ${from} cannot become ${to}.`, {
      status: from,
    });
}

/** Every status from which `to` can be reached in one step; used for guarded updates. */
export function statusesBefore(to: RightsRequestStatus): RightsRequestStatus[] {
  return (Object.keys(transitions) as RightsRequestStatus[]).filter((from) => canMove(from, to));
}

/** Whether the request is finished: fulfilled, refused or withdrawn. */
export function isClosed(status: RightsRequestStatus): boolean {
  return transitions[status].length === 0;
}

/** One day in milliseconds; deadlines count whole days of 24 hours. */
export const DAY_MS = 86_400_000;

/** SUP-2: privacy questions and complaints are answered within 15 days, whatever the edition. */
export const COMPLAINT_DEADLINE_DAYS = 15;

/** Days allowed to answer a request of this kind under the deployment's rules. */
export function deadlineDays(kind: RightsRequestKind, edition: EditionRules): number {
  const days = edition.requestDeadlineDays;
  return kind === 'complaint' ? Math.min(days, COMPLAINT_DEADLINE_DAYS) : days;
}

/**
 * Whole days until a deadline: 0 on its last day, negative once it has
 * passed (−1 on the first day late).
 */
export function daysLeft(deadlineAt: number, now: number): number {
  return Math.floor((deadlineAt - now) / DAY_MS);
}

/**
 * Where a deadline stands at `now` for something answered at `closedAt`
 * (null while open): days left while open, and whether it was or is late.
 */
export function deadlineState(deadlineAt: number, closedAt: number | null, now: number) {
  if (closedAt === null) return openDeadline(deadlineAt, now);
  return { deadlineAt, daysLeft: null, overdue: closedAt > deadlineAt };
}

/** Where the deadline of something still unanswered stands at `now`. */
export function openDeadline(deadlineAt: number, now: number) {
  return { deadlineAt, daysLeft: daysLeft(deadlineAt, now), overdue: now > deadlineAt };
}
