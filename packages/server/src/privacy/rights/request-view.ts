import type {
  CreateRightsRequestBody,
  RightsRequest,
  RightsRequestKind,
  RightsRequestStatus,
} from '@carillon/protocol/rights';
import type { KeyVault } from '../vault/key-vault';
import { daysLeft, isClosed } from './request-states';
import type { RightsRequestRow } from './rights.repository';

/** A row's status, typed. */
export const statusOf = (row: RightsRequestRow) => row.status as RightsRequestStatus;

/** A row's kind, typed. */
export const kindOf = (row: RightsRequestRow) => row.kind as RightsRequestKind;

/** Encrypts and decrypts under a person's vault key; the key vault provides it. */
export type ValueSealer = Pick<KeyVault, 'encrypt' | 'decrypt'>;

/**
 * The submitted body, decrypted. It is sealed under the requester's key
 * because it can repeat sealed profile values and free text; once the
 * account is erased and the key shredded, only the kind remains.
 */
export async function readSubmitted(
  vault: ValueSealer,
  row: RightsRequestRow,
): Promise<CreateRightsRequestBody> {
  const json =
    row.details !== null && row.user_id !== null
      ? await vault.decrypt(row.user_id, row.details)
      : undefined;
  return json
    ? (JSON.parse(json) as CreateRightsRequestBody)
    : ({ kind: kindOf(row) } as CreateRightsRequestBody);
}

/** What a request's owner also sees, when known: cooling-off, routed parts, who answers. */
export type RequestExtras = Partial<
  Pick<RightsRequest, 'coolingOffEndsAt' | 'organizations' | 'answeredByOrganization'>
>;

/** A request as the protocol shows it, with days left counted at `now`. */
export function presentRequest(
  row: RightsRequestRow,
  submitted: CreateRightsRequestBody,
  now: number,
  extras: RequestExtras = {},
): RightsRequest {
  const closed = isClosed(statusOf(row));
  return {
    id: row.id,
    kind: kindOf(row),
    status: statusOf(row),
    submitted,
    createdAt: row.created_at,
    verifiedAt: row.verified_at,
    closedAt: row.closed_at,
    deadlineAt: row.deadline_at,
    daysLeft: closed ? null : daysLeft(row.deadline_at, now),
    overdue: (row.closed_at ?? now) > row.deadline_at,
    awaitingOperator: !closed && row.awaiting_operator_at !== null,
    coolingOffEndsAt: extras.coolingOffEndsAt ?? null,
    answer: row.answer,
    refusalReason: row.refusal_reason,
    answeredByOrganization: extras.answeredByOrganization ?? false,
    organizations: extras.organizations ?? [],
  };
}
