import type { OrgMember, UpdateMemberBody } from '@carillon/protocol/organizations';
import { AppError, notFound } from '../../platform/errors';
import type { AppGate } from '../../platform/organization-hooks';
import type { AuditLog } from '../../privacy/audit/audit-log';
import { actorOf, membershipIn, treeOf, type DepartmentTree } from './org-access';
import { recordOrgAction } from './org-audit';
import { authorize, can, type OrgAction, type OrgActor } from './organizations.policy';
import type { DirectoryRow, MemberChanges, MemberRow } from './organizations.repository';
import type { OrganizationsStore } from './organizations.store';
import { memberSearchKey, searchTerms } from './search-key';

/** Escapes LIKE wildcards; patterns are written with `escape '\'`. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const PHONE_LIKE = /^[+\d\s()-]{3,}$/;

/** What a directory query asks for. */
export interface DirectoryRequest {
  departmentId?: string | undefined;
  q?: string | undefined;
  offset: number;
  limit: number;
}

/**
 * The organization directory (ORG-2): browse by department; search by name
 * (with pinyin), nickname, position, office phone, and the exact personal
 * phone of people who chose to be findable by it (contacts settings); edit
 * the details an organization assigns. Every member sees every other's office
 * details; job numbers and admin scopes only those who manage the member.
 * Personal phone numbers are never shown: profiles have no visibility
 * setting for them yet.
 */
export class DirectoryService {
  constructor(
    private readonly store: OrganizationsStore,
    private readonly audit: AuditLog,
    /** Parses a phone number into E.164 or throws; a query that is no number just isn't one. */
    private readonly normalizePhone: (input: string) => string,
    /** Directory search can be turned off per organization (ORG-7). */
    private readonly apps?: AppGate,
  ) {}

  async page(userId: string, organizationId: string, request: DirectoryRequest) {
    const { actor } = await membershipIn(this.store, organizationId, userId);
    if (request.q) await this.apps?.requireEnabled(organizationId, 'directory_search');
    const tree = await treeOf(this.store, organizationId);
    if (request.departmentId && !tree.has(request.departmentId)) throw notFound('Department');
    const rows = await this.store.organizations.directory(organizationId, {
      departmentId: request.departmentId,
      ...(request.q ? patternsFor(request.q) : {}),
      discoverablePhone: request.q ? this.phoneIn(request.q) : undefined,
      offset: request.offset,
      limit: request.limit,
    });
    const page = rows.slice(0, request.limit);
    const departments = await this.store.organizations.departmentsOf(
      organizationId,
      page.map((r) => r.user_id),
    );
    return {
      members: page.map((row) => present(row, departments.get(row.user_id) ?? [], actor, tree)),
      nextOffset: rows.length > request.limit ? request.offset + request.limit : null,
    };
  }

  async member(userId: string, organizationId: string, targetId: string): Promise<OrgMember> {
    const { actor } = await membershipIn(this.store, organizationId, userId);
    return this.load(organizationId, targetId, actor, await treeOf(this.store, organizationId));
  }

  /** Changes a member's organization-assigned details and departments. */
  async update(userId: string, organizationId: string, targetId: string, body: UpdateMemberBody) {
    await this.store.transaction(async (tx) => {
      await tx.organizations.lockForChanges(organizationId);
      const { actor } = await membershipIn(tx, organizationId, userId);
      const tree = await treeOf(tx, organizationId);
      const target = await tx.organizations.findMember(organizationId, targetId);
      if (!target) throw notFound('Member');
      const current = (await tx.organizations.departmentsOf(organizationId, [targetId])).get(
        targetId,
      )!;
      const next = body.departmentIds ? [...new Set(body.departmentIds)] : current;
      if (next.some((id) => !tree.has(id))) throw notFound('Department');
      const changed = [
        ...next.filter((id) => !current.includes(id)),
        ...current.filter((id) => !next.includes(id)),
      ];
      authorize(
        actor,
        {
          kind: 'manage_member',
          targetRole: target.role,
          targetDepartmentIds: current,
          changedDepartmentIds: changed,
        },
        tree,
      );
      await tx.organizations.updateMember(organizationId, targetId, assignedChanges(target, body));
      if (changed.length > 0) {
        await tx.organizations.setDepartments(organizationId, targetId, next);
        await tx.chats.departmentsChanged(organizationId, targetId, current, next);
      }
    });
    await this.record(userId, 'organization.member_updated', organizationId, targetId);
    return this.member(userId, organizationId, targetId);
  }

  /**
   * Removes a member, or lets a member leave; the main administrator must
   * hand over first. They lose the organization's conversations at once.
   */
  async remove(userId: string, organizationId: string, targetId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      await tx.organizations.lockForChanges(organizationId);
      const { actor } = await membershipIn(tx, organizationId, userId);
      const target = await tx.organizations.findMember(organizationId, targetId);
      if (!target) throw notFound('Member');
      if (target.role === 'main_admin')
        throw new AppError('conflict', 'The main administrator must transfer the role first.');
      const departments = await tx.organizations.departmentsOf(organizationId, [targetId]);
      const action: OrgAction =
        targetId === userId
          ? { kind: 'leave' }
          : {
              kind: 'manage_member',
              targetRole: target.role,
              targetDepartmentIds: departments.get(targetId)!,
              changedDepartmentIds: [],
            };
      authorize(actor, action, await treeOf(tx, organizationId));
      await tx.departments.clearManager(organizationId, targetId);
      await tx.organizations.deleteMember(organizationId, targetId);
      // The leaver rule (ORG-5), in the same transaction: nothing of it is visible to them after.
      await tx.chats.memberLeft(organizationId, targetId);
    });
    const action = targetId === userId ? 'organization.member_left' : 'organization.member_removed';
    await this.record(userId, action, organizationId, targetId);
  }

  /** The query as a personal phone number, when it is one. */
  private phoneIn(q: string): string | undefined {
    if (!PHONE_LIKE.test(q)) return undefined;
    try {
      return this.normalizePhone(q);
    } catch {
      return undefined;
    }
  }

  private async load(
    organizationId: string,
    targetId: string,
    viewer: OrgActor,
    tree: DepartmentTree,
  ) {
    const row = (
      await this.store.organizations.directory(organizationId, {
        offset: 0,
        limit: 1,
        memberId: targetId,
      })
    )[0];
    if (!row) throw notFound('Member');
    const departments = await this.store.organizations.departmentsOf(organizationId, [targetId]);
    return present(row, departments.get(targetId) ?? [], viewer, tree);
  }

  private record(userId: string, action: string, organizationId: string, subjectId: string) {
    return recordOrgAction(this.audit, {
      actor: { kind: 'user', id: userId },
      action,
      organizationId,
      subjectId,
    });
  }
}

/** The column changes a member update makes, with the search key recomputed from them. */
function assignedChanges(target: MemberRow, body: UpdateMemberBody): MemberChanges {
  const changes: MemberChanges = {};
  if (body.name !== undefined) changes.name = body.name;
  if (body.position !== undefined) changes.position = body.position;
  if (body.jobNumber !== undefined) changes.job_number = body.jobNumber;
  if (body.officeEmail !== undefined) changes.office_email = body.officeEmail;
  if (body.officePhone !== undefined) changes.office_phone = body.officePhone;
  const merged = { ...target, ...changes };
  // The key follows the name, position and phone it is made of.
  changes.search_key = memberSearchKey({
    name: merged.name,
    position: merged.position,
    officePhone: merged.office_phone,
  });
  return changes;
}

/** LIKE patterns for a query: over the search key, and over the nickname. */
function patternsFor(q: string) {
  const terms = searchTerms(q.replace(/\|/g, ''));
  if (PHONE_LIKE.test(q)) terms.push(q.replace(/\D/g, ''));
  return {
    patterns: terms.filter((t) => t.length > 0).map((t) => `%${escapeLike(t)}%`),
    nicknamePattern: `%${escapeLike(q.toLowerCase())}%`,
  };
}

/** A member as `viewer` may see them. */
function present(
  row: DirectoryRow,
  departmentIds: string[],
  viewer: OrgActor,
  tree: DepartmentTree,
): OrgMember {
  const self = viewer.userId === row.user_id;
  const manages = can(
    viewer,
    {
      kind: 'manage_member',
      targetRole: row.role,
      targetDepartmentIds: departmentIds,
      changedDepartmentIds: [],
    },
    tree,
  );
  const target = actorOf(row);
  return {
    userId: row.user_id,
    name: row.name,
    nickname: row.nickname,
    role: row.role,
    position: row.position,
    departmentIds,
    officeEmail: row.office_email,
    officePhone: row.office_phone,
    ...(self || manages ? { jobNumber: row.job_number } : {}),
    ...(self || can(viewer, { kind: 'manage_organization' }, tree)
      ? { adminScope: target.scope }
      : {}),
    joinedAt: row.joined_at,
  };
}
