import type {
  EnterpriseLoginBody,
  LoginBody,
  RegisterBody,
  RequestCodeBody,
  SessionGrant,
} from '@carillon/protocol/auth';
import type { DeviceInfo } from '@carillon/protocol/common';
import type { Clock } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import type { IdGenerator } from '../../platform/ids';
import type { AuditDetail, AuditLog } from '../../privacy/audit/audit-log';
import type { AccountPolicy } from '../../privacy/consent/sign-up.service';
import type { EditionRules } from '../../privacy/editions';
import type { CancellationGate } from '../../privacy/rights/cancellation.service';
import type { AuthenticatedSession, SessionsService } from '../sessions/sessions.service';
import type { CodesService } from '../verification/codes.service';
import type { AccountsRepository, UserRow } from './accounts.repository';
import { identifierFrom, maskIdentifier, type Identifier } from './identifiers';
import { checkPasswordStrength, decoyHash, hashPassword, verifyPassword } from './passwords';
import type { NoticeKind, SecurityNoticesRepository } from './security-notices.repository';
import { defaultVisibility } from '../profiles/visibility';

type IdentityInput = { phone?: string | undefined; email?: string | undefined };

/**
 * Finds the enterprise account an organization code and account name sign
 * in to (ORG-3, features/organizations); the organization owns these accounts.
 */
export interface EnterpriseLogin {
  find(
    code: string,
    accountName: string,
  ): Promise<{ userId: string; passwordHash: string; disabled: boolean } | undefined>;
}

/** Sign-up, sign-in, passwords and freezing (ACC-1, ACC-7). */
export class AccountsService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly notices: SecurityNoticesRepository,
    private readonly codes: CodesService,
    private readonly sessions: SessionsService,
    private readonly edition: EditionRules,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    /** Policy acceptance and the age rule at sign-up; the notice flag (PRIV-1, PRIV-3, PRIV-10). */
    private readonly policy: AccountPolicy,
    private readonly audit: AuditLog,
    /** Pending account cancellations (ACC-8); sign-in withdraws one in its cooling-off period. */
    private readonly cancellations?: CancellationGate,
    /** Enterprise accounts; without it only personal accounts sign in. */
    private readonly enterprise?: EnterpriseLogin,
  ) {}

  private identify(input: IdentityInput, forSignUp: boolean): Identifier {
    if (forSignUp && input.email !== undefined && !this.edition.allowsEmailSignup)
      throw new AppError('edition_disallows', 'This deployment signs people up by phone number.');
    return identifierFrom(input, this.edition);
  }

  /**
   * Sends a one-time code. Sign-up codes are sent before answering, so a
   * failed send is reported. Reset and unfreeze codes are sent after
   * answering, and not at all without an account, so neither the answer nor
   * its timing reveals whether the number or address has an account.
   */
  async requestCode(body: RequestCodeBody, requesterIp: string) {
    const to = this.identify(body, body.purpose === 'register');
    const delivery =
      body.purpose === 'register'
        ? 'wait'
        : (await this.accounts.findByIdentifier(to))
          ? 'background'
          : 'never';
    const sent = await this.codes.send({
      purpose: body.purpose,
      to,
      requesterIp,
      language: this.edition.prevailingLanguage,
      delivery,
    });
    return { sentTo: maskIdentifier(to), ...sent };
  }

  /** Creates an account from a verified phone number or e-mail and signs its first device in. */
  async register(body: RegisterBody, ip: string): Promise<SessionGrant> {
    const id = this.identify(body, true);
    // Before the code is spent: a stale policy version or the age rule refuses here.
    const terms = await this.policy.checkSignUp(body);
    checkPasswordStrength(body.password, [id.value]);
    await this.codes.redeem('register', id, body.code);
    const now = this.clock.now();
    const user: UserRow = {
      id: this.ids.next(),
      phone: id.kind === 'phone' ? id.value : null,
      email: id.kind === 'email' ? id.value : null,
      password_hash: await hashPassword(body.password),
      created_at: now,
      password_changed_at: now,
      frozen_at: null,
    };
    await this.accounts.create(user, {
      nickname: body.nickname,
      visibility: JSON.stringify(defaultVisibility),
    });
    await this.policy.recordSignUp(user.id, terms, body.device.platform);
    return this.sessions.start(user.id, body.device, ip);
  }

  /** Checks the password; unknown accounts cost the same time as wrong passwords. */
  private async verifyCredentials(input: IdentityInput, password: string): Promise<UserRow> {
    const user = await this.accounts.findByIdentifier(identifierFrom(input, this.edition));
    const ok = await verifyPassword(user?.password_hash ?? (await decoyHash), password);
    if (!user || !ok)
      throw new AppError('invalid_credentials', 'Wrong phone number, e-mail or password.');
    return user;
  }

  /**
   * An enterprise account by organization code and account name; unknown
   * ones cost the same time as wrong passwords. A disabled one is refused.
   */
  private async verifyEnterprise(body: EnterpriseLoginBody): Promise<UserRow> {
    const found = await this.enterprise?.find(body.organizationCode, body.accountName);
    const ok = await verifyPassword(found?.passwordHash ?? (await decoyHash), body.password);
    const user = found && ok ? await this.accounts.findById(found.userId) : undefined;
    if (!found || !user)
      throw new AppError(
        'invalid_credentials',
        'Wrong organization code, account name or password.',
      );
    if (found.disabled)
      throw new AppError('account_disabled', 'Your organization has disabled this account.');
    return user;
  }

  async login(body: LoginBody, ip: string): Promise<SessionGrant> {
    const user =
      'organizationCode' in body
        ? await this.verifyEnterprise(body)
        : await this.verifyCredentials(body, body.password);
    // A cancelled account whose cooling-off period is over is gone, whatever remains of it.
    if (await this.cancellations?.isClosing(user.id))
      throw new AppError('invalid_credentials', 'Wrong phone number, e-mail or password.');
    if (user.frozen_at !== null)
      throw new AppError('account_frozen', 'This account is frozen; unfreeze it to sign in.');
    const grant = await this.sessions.start(user.id, body.device as DeviceInfo, ip);
    if (await this.cancellations?.withdrawOnSignIn(user.id))
      await this.notify(user.id, 'cancellation_withdrawn', {});
    return grant;
  }

  /** Sets a new password with a code and ends every session, since the old password may be known. */
  async resetPassword(body: IdentityInput & { code: string; newPassword: string }): Promise<void> {
    const id = identifierFrom(body, this.edition);
    checkPasswordStrength(body.newPassword, [id.value]);
    await this.codes.redeem('reset_password', id, body.code);
    const user = await this.accounts.findByIdentifier(id);
    if (!user) throw new AppError('code_invalid', 'The code is wrong or has expired.');
    await this.accounts.setPassword(
      user.id,
      await hashPassword(body.newPassword),
      this.clock.now(),
    );
    await this.sessions.endAll(user.id);
    await this.notify(user.id, 'password_changed', { how: 'reset' });
    await this.recordOwn(user.id, 'password.changed', { how: 'reset' });
  }

  /** Changes the password and signs out every other device. */
  async changePassword(
    actor: AuthenticatedSession,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    const user = await this.requireUser(actor.userId);
    if (!(await verifyPassword(user.password_hash, currentPassword)))
      throw new AppError('invalid_credentials', 'The current password is wrong.');
    checkPasswordStrength(newPassword, [user.phone ?? '', user.email ?? '']);
    await this.accounts.setPassword(user.id, await hashPassword(newPassword), this.clock.now());
    await this.sessions.endOthers(actor);
    await this.notify(user.id, 'password_changed', { how: 'change' });
    await this.recordOwn(user.id, 'password.changed', { how: 'change' });
  }

  /** Freezes the account at its owner's request: every session ends, sign-in is refused. */
  async freeze(actor: AuthenticatedSession, password: string): Promise<void> {
    const user = await this.requireUser(actor.userId);
    if (!(await verifyPassword(user.password_hash, password)))
      throw new AppError('invalid_credentials', 'The password is wrong.');
    await this.accounts.setFrozen(user.id, this.clock.now());
    await this.sessions.endAll(user.id);
    await this.notify(user.id, 'account_frozen', {});
    await this.recordOwn(user.id, 'account.frozen');
  }

  /** Unfreezes after identity is re-verified with both the password and a one-time code. */
  async unfreeze(body: IdentityInput & { password: string; code: string }): Promise<void> {
    const user = await this.verifyCredentials(body, body.password);
    await this.codes.redeem('unfreeze', identifierFrom(body, this.edition), body.code);
    if (user.frozen_at === null) return;
    await this.accounts.setFrozen(user.id, null);
    await this.notify(user.id, 'account_unfrozen', {});
    await this.recordOwn(user.id, 'account.unfrozen');
  }

  async account(actor: AuthenticatedSession) {
    const user = await this.requireUser(actor.userId);
    return {
      id: user.id,
      phone: user.phone,
      email: user.email,
      createdAt: user.created_at,
      passwordChangedAt: user.password_changed_at,
      policy: await this.policy.status(user.id),
    };
  }

  securityNotices(actor: AuthenticatedSession) {
    return this.notices.list(actor.userId);
  }

  /** Whether an account may be reached (for features such as messaging): false when frozen or absent. */
  async isActive(userId: string): Promise<boolean> {
    const user = await this.accounts.findById(userId);
    return user !== undefined && user.frozen_at === null;
  }

  private async requireUser(userId: string): Promise<UserRow> {
    const user = await this.accounts.findById(userId);
    if (!user) throw new AppError('unauthenticated', 'Sign in again.');
    return user;
  }

  /** Audits what the owner did to their own account; they see it in their access log. */
  private recordOwn(userId: string, action: string, detail?: AuditDetail) {
    return this.audit.record({
      actor: { kind: 'user', id: userId },
      subjectId: userId,
      action,
      ...(detail ? { detail } : {}),
    });
  }

  private notify(userId: string, kind: NoticeKind, detail: Record<string, string>) {
    return this.notices.add(userId, {
      id: this.ids.next(),
      kind,
      detail,
      createdAt: this.clock.now(),
    });
  }
}
