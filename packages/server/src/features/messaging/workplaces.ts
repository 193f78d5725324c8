import type { ConversationRow } from './conversations.repository';

/** The organization facts messaging depends on (features/organizations). */
export interface Workplaces {
  /** Whether the person is a member of the organization now. */
  isMember(organizationId: string, userId: string): Promise<boolean>;
  /** The organizations each of these people belongs to (absent: none). */
  organizationsOf(userIds: string[]): Promise<Map<string, string[]>>;
}

/**
 * Whether a group reaches beyond one workplace (ORG-6, ADR 12). An
 * organization's all-staff and department groups never do. A group an
 * organization owns is external when a member is not in that organization.
 * A personal group is external when its members belong to two or more
 * organizations and no single organization has them all: friends without a
 * workplace, or colleagues with friends who have none, are not external.
 */
export function isExternalGroup(
  group: Pick<ConversationRow, 'kind' | 'organization_id' | 'org_group'>,
  memberIds: string[],
  organizationsOf: Map<string, string[]>,
): boolean {
  if (group.kind !== 'group' || group.org_group !== null) return false;
  const orgsOf = (id: string) => organizationsOf.get(id) ?? [];
  if (group.organization_id !== null) {
    const owner = group.organization_id;
    return memberIds.some((id) => !orgsOf(id).includes(owner));
  }
  const seen = new Set(memberIds.flatMap(orgsOf));
  if (seen.size < 2) return false;
  return ![...seen].some((org) => memberIds.every((id) => orgsOf(id).includes(org)));
}
