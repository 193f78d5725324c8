import type { Workplaces } from '../messaging/workplaces';
import type { OrganizationsRepository } from './organizations.repository';

/**
 * Membership facts for messaging (colleague chats, external groups): who is
 * in which organization now. Messaging never reads these tables itself.
 */
export function organizationWorkplaces(organizations: OrganizationsRepository): Workplaces {
  return {
    isMember: async (organizationId, userId) =>
      (await organizations.findMember(organizationId, userId)) !== undefined,
    organizationsOf: (userIds) => organizations.organizationsOf(userIds),
  };
}
