import { z } from 'zod';
import { Id, Password, Timestamp } from './common';
import { RightsRequest, RightsRequestKind } from './rights';

/**
 * Organization-controlled data (ORG-4, ORG-8): retention, the data-rights
 * requests routed to an organization's administrators, and dissolution.
 */

/** How long the organization keeps the data it controls; null returns to the defaults. */
export const OrgRetentionBody = z
  .object({ days: z.number().int().min(1).max(3650).nullable() })
  .strict();
export type OrgRetentionBody = z.infer<typeof OrgRetentionBody>;

/** The organization's retention setting. */
export const OrgRetention = z.object({
  organizationId: Id,
  /** Null: rows follow the platform's retention rules only. */
  days: z.number().int().nullable(),
  /** Tables whose rows the period applies to, and the column it counts from. */
  appliesTo: z.array(z.object({ table: z.string(), from: z.string() })),
});

/** Where a routed part stands. */
export const OrgRightsStatus = z.enum(['open', 'fulfilled', 'refused']);

/** The part of a member's data-rights request an organization must answer, as its administrators see it. */
export const OrgRightsRequest = z.object({
  id: Id,
  requestId: Id,
  organizationId: Id,
  /** The requester; null once their account is erased. */
  userId: Id.nullable(),
  /** The requester's name in the organization, if still a member. */
  memberName: z.string().nullable(),
  kind: RightsRequestKind,
  /** What the member asks about the organization's data, as submitted. */
  asked: z.record(z.string(), z.unknown()),
  /** The organization-controlled tables that hold data about the requester. */
  tables: z.array(z.string()),
  status: OrgRightsStatus,
  answer: z.string().nullable(),
  refusalReason: z.string().nullable(),
  createdAt: Timestamp,
  answeredAt: Timestamp.nullable(),
  /** When it must be answered: the edition's request deadline, counted from routing. */
  deadlineAt: Timestamp,
  /** Whole days left; 0 on the last day, negative once overdue. Null once answered. */
  daysLeft: z.number().int().nullable(),
  /** Answered late, or still open past the deadline. */
  overdue: z.boolean(),
});
export type OrgRightsRequest = z.infer<typeof OrgRightsRequest>;

/** The organization's queue of routed requests: open first, overdue and nearest deadline first. */
export const OrgRightsRequestList = z.object({ requests: z.array(OrgRightsRequest) });
/** An organization and one of its routed requests. */
export const OrgRightsParams = z.object({ id: Id, requestId: Id });

/** Closes a routed part as done. */
export const FulfilOrgRightsBody = z
  .object({ note: z.string().trim().min(1).max(4000).optional() })
  .strict();

/** Refuses a routed part; the reason is shown to the member. */
export const RefuseOrgRightsBody = z
  .object({ reason: z.string().trim().min(10).max(4000) })
  .strict();

/** A routed part as the requesting member sees it on their request. */
export const RoutedPart = RightsRequest.shape.organizations.element;
export type RoutedPart = z.infer<typeof RoutedPart>;

/** Starting a dissolution needs the main administrator's password again. */
export const DissolveBody = z.object({ password: Password }).strict();

/** A scheduled dissolution, as every member may read it. */
export const Dissolution = z.object({
  organizationId: Id,
  requestedAt: Timestamp,
  /** When the grace period ends and the organization's data is erased. */
  eraseAfter: Timestamp,
  status: z.enum(['scheduled', 'erasing', 'withdrawn', 'completed']),
});
export type Dissolution = z.infer<typeof Dissolution>;

/**
 * How many days before a routed part's deadline its main administrator is
 * reminded. Three days leave time to answer even under the `cn` edition's
 * 15-day deadline, a fifth of it.
 */
export const REMINDER_DAYS_BEFORE = 3;

/**
 * The payload of an `organization.rights_request_due` event, sent to the main
 * administrator when a routed part still open is three days from its
 * deadline and again once the deadline has passed.
 */
export const RightsRequestDue = z.object({
  organizationId: Id,
  /** The organization's name when the reminder was sent; null if it had gone. */
  name: z.string().nullable(),
  /** The routed part, as in the organization's queue. */
  id: Id,
  kind: RightsRequestKind,
  deadlineAt: Timestamp,
  /** Whole days left when sent: 0 on the last day, negative once overdue. */
  daysLeft: z.number().int(),
  overdue: z.boolean(),
});
export type RightsRequestDue = z.infer<typeof RightsRequestDue>;
