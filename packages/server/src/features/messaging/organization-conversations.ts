import type { Clock } from '../../platform/clock';
import type { ConversationsTable } from '../../platform/db/schema';
import type { IdGenerator } from '../../platform/ids';
import type { OrgConversations } from '../organizations/org-conversations';
import { memberRow } from './admission';
import type { Emit } from './events.service';
import type { MessagingStore } from './messaging.store';

/**
 * Groups that follow the directory are as large as the organization; the
 * group limit is for others. `member_count` is a 32-bit integer column.
 */
const NO_LIMIT = 2 ** 31 - 1;

/**
 * The messaging side of organization changes (ADR 12), inside the
 * organization's transaction: the all-staff group follows the membership,
 * department groups follow their departments, and a leaver loses every
 * conversation the organization owns, at once (ORG-5, ORG-6). Every change
 * is an event to the people it concerns, the leaver included, so their
 * clients drop the conversation.
 */
export class OrganizationConversations implements OrgConversations {
  constructor(
    private readonly tx: MessagingStore,
    private readonly emit: Emit,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async organizationCreated(organizationId: string, name: string, creatorId: string) {
    await this.createGroup({ organizationId, name, orgGroup: 'all_staff' }, [creatorId]);
  }

  async memberJoined(organizationId: string, userId: string) {
    const group = await this.tx.orgConversations.allStaffGroup(organizationId);
    if (group) await this.add(group, userId);
  }

  async memberLeft(organizationId: string, userId: string) {
    const now = this.clock.now();
    for (const owned of await this.tx.orgConversations.membershipsOf(organizationId, userId)) {
      // The colleague keeps the chat, read-only; a later chat of the pair is a new one.
      if (owned.kind === 'direct') await this.tx.orgConversations.endChat(owned.id, now);
      if (owned.role === 'owner' && !(await this.handOver(owned.id, userId))) {
        await this.dissolve(owned.id);
        continue;
      }
      await this.remove(owned.id, userId, { leftOrganization: true }, { forget: true });
    }
  }

  async departmentsChanged(
    _organizationId: string,
    userId: string,
    before: string[],
    after: string[],
  ) {
    const left = before.filter((id) => !after.includes(id));
    const entered = after.filter((id) => !before.includes(id));
    for (const group of await this.tx.orgConversations.departmentGroups(left))
      await this.remove(group, userId, {});
    for (const group of await this.tx.orgConversations.departmentGroups(entered))
      await this.add(group, userId);
  }

  async enableDepartmentGroup(
    organizationId: string,
    departmentId: string,
    name: string,
    memberIds: string[],
  ) {
    if (await this.tx.orgConversations.departmentGroup(departmentId)) return;
    await this.createGroup({ organizationId, name, orgGroup: 'department', departmentId }, [
      ...new Set(memberIds),
    ]);
  }

  async disableDepartmentGroup(departmentId: string) {
    const group = await this.tx.orgConversations.departmentGroup(departmentId);
    if (group) await this.dissolve(group);
  }

  async departmentRenamed(departmentId: string, name: string) {
    const group = await this.tx.orgConversations.renameDepartmentGroup(departmentId, name);
    if (group)
      await this.emit({ members: group }, 'conversation.updated', {
        conversationId: group,
        name,
      });
  }

  /** A new organization group; each first member hears of their own joining only. */
  private async createGroup(
    spec: {
      organizationId: string;
      name: string;
      orgGroup: 'all_staff' | 'department';
      departmentId?: string;
    },
    memberIds: string[],
  ) {
    const now = this.clock.now();
    const id = this.ids.next();
    const row: ConversationsTable = {
      id,
      kind: 'group',
      name: spec.name,
      announcement: null,
      join_approval_at: null,
      last_seq: 0,
      member_count: memberIds.length,
      created_at: now,
      last_activity_at: now,
      organization_id: spec.organizationId,
      org_group: spec.orgGroup,
      department_id: spec.departmentId ?? null,
    };
    await this.tx.conversations.insert(
      row,
      memberIds.map((userId) => memberRow(id, userId, 'member', now)),
    );
    // One event per member rather than one per member per member: a
    // department of hundreds would otherwise write hundreds squared.
    for (const userId of memberIds)
      await this.emit([userId], 'member.joined', { conversationId: id, userId });
  }

  private async add(conversationId: string, userId: string) {
    if (await this.tx.conversations.findMembership(conversationId, userId)) return;
    const others = await this.tx.conversations.memberIds(conversationId);
    const member = memberRow(conversationId, userId, 'member', this.clock.now());
    await this.tx.conversations.addMember(member, NO_LIMIT);
    await this.emit([...others, userId], 'member.joined', { conversationId, userId });
  }

  /**
   * Removes a member and tells everyone who was in, them included. With
   * `forget`, their past events about it are deleted first: after the member
   * count update has locked the conversation row, so no send still in flight
   * can add one afterwards.
   */
  private async remove(
    conversationId: string,
    userId: string,
    detail: Record<string, unknown>,
    options: { forget?: boolean } = {},
  ) {
    const before = await this.tx.conversations.memberIds(conversationId);
    if (!(await this.tx.conversations.removeMember(conversationId, userId))) return;
    if (options.forget) await this.tx.events.forgetConversation(userId, conversationId);
    await this.emit(before, 'member.left', { conversationId, userId, ...detail });
  }

  /** A leaving owner's group passes to its oldest admin, else its oldest member; false if nobody is left. */
  private async handOver(conversationId: string, ownerId: string): Promise<boolean> {
    const others = (await this.tx.conversations.members(conversationId)).filter(
      (m) => m.user_id !== ownerId,
    );
    const heir = others.find((m) => m.role === 'admin') ?? others[0];
    if (!heir) return false;
    await this.tx.conversations.updateMember(conversationId, heir.user_id, { role: 'owner' });
    await this.emit(
      others.map((m) => m.user_id),
      'conversation.updated',
      { conversationId, ownerId: heir.user_id },
    );
    return true;
  }

  private async dissolve(conversationId: string) {
    const memberIds = await this.tx.conversations.memberIds(conversationId);
    await this.tx.conversations.delete(conversationId);
    await this.emit(memberIds, 'conversation.updated', { conversationId, dissolved: true });
  }
}
