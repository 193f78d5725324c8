import { randomInt, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import type { IdGenerator } from '../../platform/ids';
import type { Secrets } from '../../platform/secrets';
import type { Identifier } from '../accounts/identifiers';
import type { CodesRepository } from './codes.repository';
import { codeMessage } from './code-messages';
import type { MailProvider } from '../../providers/mail';
import type { SmsProvider } from '../../providers/sms';

/** Limits on one-time codes; each is a defence against a named abuse. */
export const codeRules = {
  /** Long enough to switch apps, short enough that a leaked code soon dies. */
  ttlMs: 10 * 60_000,
  /** Guesses per code: 5 in a million is the most an attacker gets. */
  maxAttempts: 5,
  /** Between two codes to one destination, against SMS flooding. */
  resendCooldownMs: 60_000,
  perDestinationPerHour: 5,
  perRequesterPerHour: 20,
} as const;

const HOUR = 3_600_000;

export interface SendCodeInput {
  purpose: string;
  to: Identifier;
  requesterIp: string;
  language: 'en' | 'zh-CN';
  /**
   * `wait`: send before answering, so a failure is reported. `background`:
   * answer at once and send afterwards, so response time cannot tell whether
   * an account exists. `never`: there is no account to act on; the answer
   * looks the same and nothing is sent.
   */
  delivery: 'wait' | 'background' | 'never';
}

/** Issues and checks six-digit one-time codes, stored only as keyed hashes. */
export class CodesService {
  constructor(
    private readonly codes: CodesRepository,
    private readonly sms: SmsProvider,
    private readonly mail: MailProvider,
    private readonly secrets: Secrets,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly reportBackgroundFailure: (error: unknown) => void,
  ) {}

  private hash(purpose: string, destination: string, code: string): string {
    return this.secrets.hmac('one-time-code', `${purpose}\0${destination}\0${code}`);
  }

  /** Sends a fresh code unless a limit says wait; returns when it expires and when to resend. */
  async send(input: SendCodeInput): Promise<{ expiresAt: number; resendAfter: number }> {
    const now = this.clock.now();
    const destination = input.to.value;
    const previous = await this.codes.latest(destination, input.purpose);
    if (previous && now - previous.created_at < codeRules.resendCooldownMs)
      throw new AppError('rate_limited', 'A code was just sent; wait before asking again.', {
        retryAt: previous.created_at + codeRules.resendCooldownMs,
      });
    const [toDestination, fromRequester] = await Promise.all([
      this.codes.countSince({ destination }, now - HOUR),
      this.codes.countSince({ requesterIp: input.requesterIp }, now - HOUR),
    ]);
    if (
      toDestination >= codeRules.perDestinationPerHour ||
      fromRequester >= codeRules.perRequesterPerHour
    )
      throw new AppError('rate_limited', 'Too many codes were requested; try again in an hour.');

    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = now + codeRules.ttlMs;
    const id = this.ids.next();
    await this.codes.insert({
      id,
      channel: input.to.kind === 'phone' ? 'sms' : 'email',
      destination,
      purpose: input.purpose,
      code_hash: this.hash(input.purpose, destination, code),
      attempts: 0,
      requester_ip: input.requesterIp,
      created_at: now,
      expires_at: expiresAt,
      consumed_at: null,
    });
    if (input.delivery !== 'never') {
      const delivered = this.deliver(id, input, code);
      if (input.delivery === 'wait') await delivered;
      else delivered.catch(this.reportBackgroundFailure);
    }
    return { expiresAt, resendAfter: now + codeRules.resendCooldownMs };
  }

  /** Sends the code; if sending fails the code is withdrawn, so a retry is not held back. */
  private async deliver(id: string, input: SendCodeInput, code: string): Promise<void> {
    const message = codeMessage(input.language, input.purpose, code, codeRules.ttlMs / 60_000);
    try {
      if (input.to.kind === 'phone') await this.sms.send(input.to.value, message.text);
      else await this.mail.send({ to: input.to.value, ...message });
    } catch (error) {
      await this.codes.delete(id);
      throw error;
    }
  }

  /**
   * Checks a code and uses it up. Only the newest code counts; every wrong
   * guess is counted, and a used, expired or exhausted code never passes.
   */
  async redeem(purpose: string, to: Identifier, code: string): Promise<void> {
    const now = this.clock.now();
    const row = await this.codes.latest(to.value, purpose);
    const invalid = new AppError('code_invalid', 'The code is wrong or has expired.');
    if (!row || row.consumed_at !== null || row.expires_at <= now) throw invalid;
    if (row.attempts >= codeRules.maxAttempts)
      throw new AppError('too_many_attempts', 'Too many wrong codes; ask for a new one.');
    const expected = Buffer.from(row.code_hash);
    const actual = Buffer.from(this.hash(purpose, to.value, code));
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
      await this.codes.recordFailedAttempt(row.id);
      throw invalid;
    }
    if (!(await this.codes.consume(row.id, now))) throw invalid;
  }
}
