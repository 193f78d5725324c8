import type { AccountsRepository } from '../../features/accounts/accounts.repository';
import { maskIdentifier, type Identifier } from '../../features/accounts/identifiers';
import { verifyPassword } from '../../features/accounts/passwords';
import type { CodesService } from '../../features/verification/codes.service';
import { AppError } from '../../platform/errors';

/** The one-time-code purpose that confirms a data-rights request. */
export const RIGHTS_CODE_PURPOSE = 'rights_request';

/** Where a code went and when it can be resent, as the protocol's RequestCodeResult. */
export interface CodeSent {
  sentTo: string;
  expiresAt: number;
  resendAfter: number;
}

/**
 * Re-verifies a signed-in person before a rights request is acted on: a
 * session alone is not enough, since a borrowed or stolen device would then
 * suffice to download or erase everything (PRIV-5: "identity verified").
 */
export class IdentityCheck {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly codes: CodesService,
    private readonly language: 'en' | 'zh-CN',
  ) {}

  private async contact(userId: string): Promise<{ to: Identifier; passwordHash: string }> {
    const user = await this.accounts.findById(userId);
    if (!user) throw new AppError('unauthenticated', 'Sign in again.');
    const to: Identifier =
      user.phone !== null
        ? { kind: 'phone', value: user.phone }
        : { kind: 'email', value: user.email ?? '' };
    return { to, passwordHash: user.password_hash };
  }

  /** Sends a confirmation code to the account's own phone number (or e-mail address). */
  async sendCode(userId: string, requesterIp: string): Promise<CodeSent> {
    const { to } = await this.contact(userId);
    const sent = await this.codes.send({
      purpose: RIGHTS_CODE_PURPOSE,
      to,
      requesterIp,
      language: this.language,
      delivery: 'wait',
    });
    return { sentTo: maskIdentifier(to), ...sent };
  }

  /**
   * Checks the password, then uses up the code. A wrong password leaves the
   * code unspent; a wrong code counts against its five attempts.
   */
  async verify(userId: string, password: string, code: string): Promise<void> {
    const { to, passwordHash } = await this.contact(userId);
    if (!(await verifyPassword(passwordHash, password)))
      throw new AppError('invalid_credentials', 'The password is wrong.');
    await this.codes.redeem(RIGHTS_CODE_PURPOSE, to, code);
  }
}
