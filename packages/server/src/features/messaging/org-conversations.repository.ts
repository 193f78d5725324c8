import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema';

/** A conversation an organization owns, with one member's role in it. */
export interface OwnedMembershipRow {
  id: string;
  kind: 'group' | 'direct';
  org_group: 'all_staff' | 'department' | null;
  role: 'owner' | 'admin' | 'member';
}

/**
 * The conversations organizations own (ADR 12): their all-staff and
 * department groups, and the colleague chats, one open chat per pair per
 * organization.
 */
export class OrgConversationsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The organization's all-staff group, if it has one. */
  async allStaffGroup(organizationId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('conversations')
      .select('id')
      .where('organization_id', '=', organizationId)
      .where('org_group', '=', 'all_staff')
      .executeTakeFirst();
    return row?.id;
  }

  /** The department's group, if it is turned on. */
  async departmentGroup(departmentId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('conversations')
      .select('id')
      .where('department_id', '=', departmentId)
      .executeTakeFirst();
    return row?.id;
  }

  /** The groups of these departments that are turned on. */
  async departmentGroups(departmentIds: string[]): Promise<string[]> {
    if (departmentIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('conversations')
      .select('id')
      .where('department_id', 'in', departmentIds)
      .execute();
    return rows.map((r) => r.id);
  }

  /** Every conversation of the organization that `userId` is a member of. */
  async membershipsOf(organizationId: string, userId: string): Promise<OwnedMembershipRow[]> {
    return this.db
      .selectFrom('conversation_members as m')
      .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
      .select(['c.id', 'c.kind', 'c.org_group', 'm.role'])
      .where('c.organization_id', '=', organizationId)
      .where('m.user_id', '=', userId)
      .orderBy('c.id')
      .execute();
  }

  /**
   * Locks these people's memberships of the organization until commit, and
   * says whether they all still exist. The no-op update is the one write
   * messaging makes to an organization table: it queues behind a removal in
   * flight (which deletes the row), so a chat or group can never be made for
   * someone whose leaving has already swept their conversations (ADR 12).
   */
  async holdMemberships(organizationId: string, userIds: string[]): Promise<boolean> {
    const held = await this.db
      .updateTable('organization_members')
      .set((eb) => ({ role: eb.ref('role') }))
      .where('organization_id', '=', organizationId)
      .where('user_id', 'in', userIds)
      .executeTakeFirst();
    return Number(held.numUpdatedRows) === new Set(userIds).size;
  }

  /** The open colleague chat `userId` has with `peerId` in the organization, if any. */
  async findOpenChat(organizationId: string, userId: string, peerId: string) {
    const row = await this.db
      .selectFrom('colleague_chats')
      .select('conversation_id')
      .where('organization_id', '=', organizationId)
      .where('user_id', '=', userId)
      .where('peer_id', '=', peerId)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    return row?.conversation_id;
  }

  /**
   * Records both sides of a colleague chat in sorted order: a concurrent
   * creator of the same pair waits on the first row's unique index entry and
   * then fails it, never deadlocks.
   */
  async insertPair(conversationId: string, organizationId: string, a: string, b: string) {
    const [low, high] = [a, b].sort() as [string, string];
    for (const [user_id, peer_id] of [
      [low, high],
      [high, low],
    ] as const)
      await this.db
        .insertInto('colleague_chats')
        .values({
          conversation_id: conversationId,
          organization_id: organizationId,
          user_id,
          peer_id,
          ended_at: null,
        })
        .execute();
  }

  /** Ends a colleague chat for both sides; a later chat of the pair is a new conversation. */
  async endChat(conversationId: string, at: number): Promise<void> {
    await this.db
      .updateTable('colleague_chats')
      .set({ ended_at: at })
      .where('conversation_id', '=', conversationId)
      .where('ended_at', 'is', null)
      .execute();
  }

  /** The members of each of these conversations. */
  async memberIdsOf(conversationIds: string[]): Promise<Map<string, string[]>> {
    const members = new Map<string, string[]>();
    if (conversationIds.length === 0) return members;
    const rows = await this.db
      .selectFrom('conversation_members')
      .select(['conversation_id', 'user_id'])
      .where('conversation_id', 'in', conversationIds)
      .execute();
    for (const row of rows) {
      const list = members.get(row.conversation_id) ?? [];
      list.push(row.user_id);
      members.set(row.conversation_id, list);
    }
    return members;
  }

  /** Renames the department's group, if it has one. */
  async renameDepartmentGroup(departmentId: string, name: string): Promise<string | undefined> {
    const row = await this.db
      .updateTable('conversations')
      .set({ name })
      .where('department_id', '=', departmentId)
      .returning('id')
      .executeTakeFirst();
    return row?.id;
  }
}
