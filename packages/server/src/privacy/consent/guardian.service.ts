import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import type { ConsentService, PolicyReader } from './consent.service';
import type { GuardianConsentRow, GuardianRepository } from './guardian.repository';

/** A guardian request as its parties see it. */
function present(row: GuardianConsentRow) {
  return {
    id: row.id,
    status: row.approved_at === null ? ('pending' as const) : ('approved' as const),
    requestedAt: row.requested_at,
    approvedAt: row.approved_at,
    ruleEndsAt: row.rule_ends_at,
  };
}

/**
 * Guardians' consent for children's accounts (PRIV-10, cn edition). Until a
 * guardian approves, the child's account works for basic functions only.
 */
export class GuardianService {
  constructor(
    private readonly guardians: GuardianRepository,
    private readonly consents: ConsentService,
    private readonly policies: PolicyReader,
    private readonly clock: Clock,
  ) {}

  /** The signed-in child's own request, to show or share with a guardian. */
  async mine(minorId: string) {
    const row = await this.guardians.findByMinor(minorId);
    if (!row) throw notFound('Guardian request');
    return present(row);
  }

  /**
   * Approves a child's account as their guardian: records the consent in the
   * ledger (method `guardian`) under the current policy, which lifts the limit.
   */
  async approve(guardianId: string, requestId: string) {
    const row = await this.guardians.find(requestId);
    if (!row) throw notFound('Guardian request');
    if (row.minor_id === guardianId)
      throw new AppError('forbidden', 'A guardian approves from their own account.');
    if (await this.consents.isAwaitingGuardian(guardianId))
      throw new AppError('forbidden', 'An account that itself needs a guardian cannot be one.');
    if (row.approved_at !== null) {
      if (row.guardian_id === guardianId) return present(row);
      throw new AppError('conflict', 'Another guardian has already approved this account.');
    }
    const now = this.clock.now();
    if (!(await this.guardians.approve(row.id, guardianId, now)))
      throw new AppError('conflict', 'Another guardian has just approved this account.');
    const { current } = await this.policies.standing();
    await this.consents.recordAcceptance(row.minor_id, current, 'guardian', guardianId);
    return present({ ...row, guardian_id: guardianId, approved_at: now });
  }
}
