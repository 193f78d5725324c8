import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema';

/**
 * What a change to an organization does to the conversations it owns
 * (ADR 12), run inside that change's transaction so both commit together.
 * Messaging implements it (`OrganizationConversations`); events it writes
 * are published after the organization's transaction commits.
 */
export interface OrgConversations {
  /** Creates the all-staff group of a new organization, its creator the first member. */
  organizationCreated(organizationId: string, name: string, creatorId: string): Promise<void>;
  /** Adds a newcomer to the all-staff group. */
  memberJoined(organizationId: string, userId: string): Promise<void>;
  /**
   * The leaver rule (ORG-5): out of every conversation the organization owns;
   * their colleague chats end and stay with the colleague.
   */
  memberLeft(organizationId: string, userId: string): Promise<void>;
  /** Follows a member's departments: out of the groups of those left, into those entered. */
  departmentsChanged(
    organizationId: string,
    userId: string,
    before: string[],
    after: string[],
  ): Promise<void>;
  /** Creates a department's group with these members; nothing when it exists already. */
  enableDepartmentGroup(
    organizationId: string,
    departmentId: string,
    name: string,
    memberIds: string[],
  ): Promise<void>;
  /** Dissolves a department's group, if it has one. */
  disableDepartmentGroup(departmentId: string): Promise<void>;
  /** A department group is named after its department. */
  departmentRenamed(departmentId: string, name: string): Promise<void>;
}

/** Builds the conversations side over one transaction; `afterCommit` takes work for after it commits. */
export type OrgConversationsFactory = (
  trx: Kysely<Database>,
  afterCommit: (task: () => void) => void,
) => OrgConversations;
