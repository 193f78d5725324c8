import type { DeviceInfo } from '@carillon/protocol/common';
import type { PolicyStatus } from '@carillon/protocol/privacy';
import type { Clock } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import type { IdGenerator } from '../../platform/ids';
import type { EditionRules } from '../editions';
import type { ConsentService, PolicyReader } from './consent.service';
import type { GuardianRepository } from './guardian.repository';

/** What a person confirms when signing up (RegisterBody). */
export interface SignUpTerms {
  acceptPolicyVersion: number;
  /** Only the year is asked, and it is not stored (data minimisation). */
  birthYear: number;
}

/** The outcome of checking the terms, carried from before the account exists to after. */
export interface SignUpDecision {
  policyVersion: number;
  /** For a child who needs a guardian: when that need ends. Null otherwise. */
  guardianRuleEndsAt: number | null;
}

/** What the accounts feature needs from the privacy core at sign-up and in the account payload. */
export interface AccountPolicy {
  /** Checks the accepted version and the edition's age rule; throws before anything is created. */
  checkSignUp(terms: SignUpTerms): Promise<SignUpDecision>;
  /** Records the acceptance, and the guardian request a child needs, for the new account. */
  recordSignUp(
    userId: string,
    decision: SignUpDecision,
    platform: DeviceInfo['platform'],
  ): Promise<void>;
  /** The notice flag of PRIV-3 for the account payload. */
  status(userId: string): Promise<PolicyStatus>;
}

/**
 * The youngest age a person born in `birthYear` can have at `now`. A year
 * alone cannot tell whether this year's birthday has passed, so it is taken
 * as not yet passed: the rule errs on the side of the child.
 */
export function youngestAge(birthYear: number, now: number): number {
  return new Date(now).getUTCFullYear() - birthYear - 1;
}

/** Sign-up's policy acceptance and age rule (PRIV-1, PRIV-10), from the edition's table. */
export class SignUpConsentService implements AccountPolicy {
  constructor(
    private readonly consents: ConsentService,
    private readonly policies: PolicyReader,
    private readonly guardians: GuardianRepository,
    private readonly edition: EditionRules,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async checkSignUp(terms: SignUpTerms): Promise<SignUpDecision> {
    const { current } = await this.policies.standing();
    if (terms.acceptPolicyVersion !== current)
      throw new AppError('conflict', `Accept version ${current} of the privacy policy.`, {
        currentVersion: current,
      });
    const now = this.clock.now();
    if (terms.birthYear > new Date(now).getUTCFullYear())
      throw new AppError('validation_failed', 'The year of birth is in the future.', {
        issues: [{ path: 'body.birthYear', message: 'Must not be in the future.' }],
      });
    const age = youngestAge(terms.birthYear, now);
    const { minimumAge, guardianConsentBelowAge } = this.edition;
    if (age < minimumAge)
      throw new AppError(
        'age_restricted',
        `Carillon is not available to people under ${minimumAge}.`,
        {
          minimumAge,
        },
      );
    const needsGuardian = age < guardianConsentBelowAge;
    return {
      policyVersion: current,
      // From 1 January of this year on, the person is surely old enough.
      guardianRuleEndsAt: needsGuardian
        ? Date.UTC(terms.birthYear + guardianConsentBelowAge + 1, 0, 1)
        : null,
    };
  }

  async recordSignUp(
    userId: string,
    decision: SignUpDecision,
    platform: DeviceInfo['platform'],
  ): Promise<void> {
    const method = platform === 'api' ? 'api' : 'ui';
    await this.consents.recordAcceptance(userId, decision.policyVersion, method);
    if (decision.guardianRuleEndsAt === null) return;
    await this.guardians.insert({
      id: this.ids.next(),
      minor_id: userId,
      guardian_id: null,
      requested_at: this.clock.now(),
      approved_at: null,
      rule_ends_at: decision.guardianRuleEndsAt,
    });
  }

  status(userId: string): Promise<PolicyStatus> {
    return this.consents.policyStatus(userId);
  }
}
