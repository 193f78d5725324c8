import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import type { IdGenerator } from '../../platform/ids';
import type { Secrets } from '../../platform/secrets';
import type { AuditLog } from '../../privacy/audit/audit-log';
import { newMemberRow } from './member-row';
import { membershipIn, treeOf } from './org-access';
import { recordOrgAction } from './org-audit';
import { newJoinCode, signOrgInvite, verifyOrgInvite } from './org-invites';
import { authorize } from './organizations.policy';
import type { OrganizationsStore } from './organizations.store';

const HOUR_MS = 60 * 60 * 1000;
/** Phone invitations wait this long for an answer. */
const PHONE_INVITATION_MS = 14 * 24 * HOUR_MS;

/** What joining needs from outside the feature. */
export interface MembershipDependencies {
  store: OrganizationsStore;
  audit: AuditLog;
  secrets: Secrets;
  clock: Clock;
  ids: IdGenerator;
  /** Parses a phone number as typed into E.164 or throws `invalid_phone`. */
  normalizePhone: (input: string) => string;
}

/**
 * Joining an organization (ORG-2): invite links, short codes, phone
 * invitations the invitee accepts, and applications an administrator decides.
 * A person may belong to several organizations.
 */
export class MembershipService {
  constructor(private readonly deps: MembershipDependencies) {}

  private get store() {
    return this.deps.store;
  }

  private async requireAdmitter(userId: string, organizationId: string) {
    const { actor } = await membershipIn(this.store, organizationId, userId);
    authorize(actor, { kind: 'admit_members' }, await treeOf(this.store, organizationId));
  }

  /** An invite link token or a short code, valid for `hours`. */
  async createInvite(userId: string, organizationId: string, kind: 'link' | 'code', hours: number) {
    await this.requireAdmitter(userId, organizationId);
    const now = this.deps.clock.now();
    const expiresAt = now + hours * HOUR_MS;
    await this.record(userId, 'organization.invite_created', organizationId, undefined, { kind });
    if (kind === 'link')
      return {
        kind,
        token: signOrgInvite(this.deps.secrets, organizationId, expiresAt),
        expiresAt,
      };
    const code = newJoinCode();
    await this.store.joining.insertInvitation({
      id: this.deps.ids.next(),
      organization_id: organizationId,
      phone: null,
      code,
      created_at: now,
      expires_at: expiresAt,
      answered_at: null,
    });
    return { kind, code, expiresAt };
  }

  /**
   * Invites a phone number. The answer never says whether the number has an
   * account: the invitation simply waits for whoever signs in with it.
   */
  async invitePhone(userId: string, organizationId: string, phoneInput: string): Promise<void> {
    const phone = this.deps.normalizePhone(phoneInput);
    await this.requireAdmitter(userId, organizationId);
    const now = this.deps.clock.now();
    await this.store.joining.insertInvitation({
      id: this.deps.ids.next(),
      organization_id: organizationId,
      phone,
      code: null,
      created_at: now,
      expires_at: now + PHONE_INVITATION_MS,
      answered_at: null,
    });
    await this.record(userId, 'organization.phone_invited', organizationId);
  }

  /** Phone invitations waiting for the caller. */
  async pendingInvitations(userId: string) {
    const phone = await this.store.joining.phoneOf(userId);
    if (!phone) return [];
    const rows = await this.store.joining.pendingFor(phone, this.deps.clock.now());
    return rows.map((r) => ({
      id: r.id,
      organizationId: r.organization_id,
      organizationName: r.name,
      expiresAt: r.expires_at,
    }));
  }

  /** Accepts or declines a phone invitation addressed to the caller's number. */
  async answerInvitation(userId: string, invitationId: string, accept: boolean) {
    const now = this.deps.clock.now();
    const organizationId = await this.store.transaction(async (tx) => {
      const invitation = await tx.joining.findInvitation(invitationId);
      const phone = await tx.joining.phoneOf(userId);
      if (!invitation || !phone || invitation.phone !== phone || invitation.expires_at <= now)
        throw notFound('Invitation');
      if (!(await tx.joining.answer(invitationId, now)))
        throw new AppError('conflict', 'This invitation was answered already.');
      if (accept) await this.admit(tx, invitation.organization_id, userId, now);
      return invitation.organization_id;
    });
    return { organizationId };
  }

  /** Joins with an invite link token or a short code. */
  async join(userId: string, invite: { token: string } | { code: string }) {
    const now = this.deps.clock.now();
    const organizationId = await this.invitedTo(invite, now);
    await this.store.transaction(async (tx) => {
      if (!(await tx.organizations.find(organizationId)))
        throw new AppError('token_invalid', 'This invitation is not valid.');
      await this.admit(tx, organizationId, userId, now);
    });
    return { organizationId };
  }

  /** The organization a link token or code admits to; forged, unknown and expired ones fail alike. */
  private async invitedTo(invite: { token: string } | { code: string }, now: number) {
    let organizationId: string | undefined;
    if ('token' in invite) organizationId = verifyOrgInvite(this.deps.secrets, invite.token, now);
    else {
      const stored = await this.store.joining.findCode(invite.code.toUpperCase());
      if (stored && stored.expires_at > now) organizationId = stored.organization_id;
    }
    if (!organizationId) throw new AppError('token_invalid', 'This invitation is not valid.');
    return organizationId;
  }

  /** Asks to join; an administrator approves or declines. */
  async apply(userId: string, organizationId: string, message: string | undefined) {
    const id = this.deps.ids.next();
    await this.store.transaction(async (tx) => {
      if (!(await tx.organizations.find(organizationId))) throw notFound('Organization');
      if (await tx.organizations.findMember(organizationId, userId))
        throw new AppError('conflict', 'You are a member already.');
      if (await tx.joining.pendingApplication(organizationId, userId))
        throw new AppError('conflict', 'Your application is waiting for an answer.');
      await tx.joining.insertApplication({
        id,
        organization_id: organizationId,
        user_id: userId,
        message: message ?? null,
        status: 'pending',
        created_at: this.deps.clock.now(),
        decided_at: null,
      });
    });
    return { id, organizationId };
  }

  async listApplications(userId: string, organizationId: string) {
    await this.requireAdmitter(userId, organizationId);
    const rows = await this.store.joining.listPending(organizationId);
    return rows.map((r) => ({
      id: r.id,
      organizationId: r.organization_id,
      userId: r.user_id,
      nickname: r.nickname,
      message: r.message,
      status: r.status,
      createdAt: r.created_at,
    }));
  }

  async decideApplication(
    userId: string,
    organizationId: string,
    applicationId: string,
    approve: boolean,
  ): Promise<void> {
    await this.requireAdmitter(userId, organizationId);
    const now = this.deps.clock.now();
    const applicant = await this.store.transaction(async (tx) => {
      const application = await tx.joining.findApplication(organizationId, applicationId);
      if (!application) throw notFound('Application');
      if (!(await tx.joining.decide(applicationId, approve ? 'approved' : 'declined', now)))
        throw new AppError('conflict', 'This application was decided already.');
      if (approve) await this.admit(tx, organizationId, application.user_id, now);
      return application.user_id;
    });
    const action = approve
      ? 'organization.application_approved'
      : 'organization.application_declined';
    await this.record(userId, action, organizationId, applicant);
  }

  /** Adds a member at the top of the tree and to the all-staff group; joining twice changes nothing. */
  private async admit(tx: OrganizationsStore, organizationId: string, userId: string, now: number) {
    if (await tx.organizations.findMember(organizationId, userId)) return;
    const name = (await tx.organizations.nicknameOf(userId)) ?? '';
    await tx.organizations.insertMember(newMemberRow(organizationId, userId, name, 'member', now));
    await tx.chats.memberJoined(organizationId, userId);
  }

  private record(
    userId: string,
    action: string,
    organizationId: string,
    subjectId?: string,
    detail?: Record<string, string>,
  ) {
    return recordOrgAction(this.deps.audit, {
      actor: { kind: 'user', id: userId },
      action,
      organizationId,
      subjectId,
      ...(detail ? { detail } : {}),
    });
  }
}
