import type { Clock } from '../../platform/clock';
import type { AuditLog } from '../audit/audit-log';
import type { ErasuresRepository } from './erasures.repository';
import type { RightsRepository, RightsRequestRow } from './rights.repository';

/** What sign-in asks about pending cancellations (ACC-8); implemented here, used by accounts. */
export interface CancellationGate {
  /** True once the cooling-off period is over: the account is gone and cannot sign in. */
  isClosing(userId: string): Promise<boolean>;
  /** Withdraws a cancellation still in its cooling-off period; true when there was one. */
  withdrawOnSignIn(userId: string): Promise<boolean>;
}

/** Ends every session of a user; the sessions feature provides it. */
export interface SessionEnder {
  endAll(userId: string): Promise<number>;
}

const WITHDRAWN_ANSWER = 'Withdrawn: you signed in during the cooling-off period.';

/**
 * Account cancellation (ACC-8): a cooling-off period during which signing in
 * withdraws it; afterwards the account is gone, and ErasureJobs erases it.
 * The job is a database row, so it survives restarts and runs on one node.
 */
export class AccountCancellations implements CancellationGate {
  constructor(
    private readonly jobs: ErasuresRepository,
    private readonly requests: RightsRepository,
    private readonly sessions: SessionEnder,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly coolingOffMs: number,
  ) {}

  /** Starts the cooling-off period of a verified cancellation; every session ends now. */
  async begin(request: RightsRequestRow): Promise<number> {
    const userId = request.user_id!;
    const now = this.clock.now();
    const eraseAfter = now + this.coolingOffMs;
    await this.jobs.insert({
      request_id: request.id,
      user_id: userId,
      requested_at: now,
      erase_after: eraseAfter,
      started_at: null,
      lease_until: null,
      attempts: 0,
      completed_at: null,
      withdrawn_at: null,
    });
    const ended = await this.sessions.endAll(userId);
    await this.audit.record({
      actor: { kind: 'user', id: userId },
      subjectId: userId,
      action: 'account.cancellation_requested',
      detail: { requestId: request.id, eraseAfter, sessionsEnded: ended },
    });
    return eraseAfter;
  }

  /** When the cooling-off period of a cancellation request ends, or null. */
  async coolingOffEnd(requestId: string): Promise<number | null> {
    return (await this.jobs.findByRequest(requestId))?.erase_after ?? null;
  }

  async isClosing(userId: string): Promise<boolean> {
    const job = await this.jobs.findActive(userId);
    return job !== undefined && job.erase_after <= this.clock.now();
  }

  async withdrawOnSignIn(userId: string): Promise<boolean> {
    const job = await this.jobs.findActive(userId);
    const now = this.clock.now();
    if (!job || !(await this.jobs.withdraw(job.request_id, now))) return false;
    await this.requests.move(job.request_id, ['in_progress'], 'withdrawn', {
      open_kind: null,
      closed_at: now,
      answer: WITHDRAWN_ANSWER,
    });
    await this.audit.record({
      actor: { kind: 'user', id: userId },
      subjectId: userId,
      action: 'account.cancellation_withdrawn',
      detail: { requestId: job.request_id },
    });
    return true;
  }
}
