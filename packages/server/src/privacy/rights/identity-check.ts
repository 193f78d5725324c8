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

  /**
   * Where the account's codes go; null for one with neither phone nor
   * e-mail (an enterprise account, which its organization created with a
   * password only): there the password alone confirms it is them.
   */
  private async contact(userId: string): Promise<{ to: Identifier | null; passwordHash: string }> {
    const user = await this.accounts.findById(userId);
    if (!user) throw new AppError('unauthenticated', 'Sign in again.');
    const to: Identifier | null =
      user.phone !== null
        ? { kind: 'phone', value: user.phone }
        : user.email !== null
          ? { kind: 'email', value: user.email }
          : null;
    return { to, passwordHash: user.password_hash };
  }

  /**
   * Sends a confirmation code to the account's own phone number (or e-mail
   * address); null when it has neither, so no code is needed.
   */
  async sendCode(userId: string, requesterIp: string): Promise<CodeSent | null> {
    const { to } = await this.contact(userId);
    if (!to) return null;
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
  async verify(userId: string, password: string, code: string | undefined): Promise<void> {
    const { to, passwordHash } = await this.contact(userId);
    if (to && code === undefined)
      throw new AppError('validation_failed', 'Enter the code that was sent to you.', {
        issues: [{ path: 'code', message: 'Required' }],
      });
    if (!(await verifyPassword(passwordHash, password)))
      throw new AppError('invalid_credentials', 'The password is wrong.');
    if (to) await this.codes.redeem(RIGHTS_CODE_PURPOSE, to, code!);
  }
}
