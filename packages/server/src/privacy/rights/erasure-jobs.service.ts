import type { Clock } from '../../platform/clock';
import type { AuditLog } from '../audit/audit-log';
import type { DataEngines } from '../engines/data-engines';
import type { SessionEnder } from './cancellation.service';
import { noErasureHooks, type AccountErasureHooks } from './erasure-hooks';
import type { ErasureJobRow, ErasuresRepository } from './erasures.repository';
import type { RightsRepository } from './rights.repository';

/** A worker holds a job this long; if it dies, another node takes the job over afterwards. */
export const ERASURE_LEASE_MS = 5 * 60_000;

const ERASED_ANSWER = 'Your account and the data held about you were erased.';
const CLOSED_WITH_ACCOUNT = 'Closed: the account was erased at its owner’s request.';

/**
 * Erases accounts whose cancellation cooling-off period is over (ACC-8),
 * through the data engines, so recipients are told to delete too (PRIV-6).
 * Jobs are claimed with a lease: one node runs each, and a job left behind
 * by a crash is taken over when its lease runs out.
 */
export class ErasureJobs {
  constructor(
    private readonly jobs: ErasuresRepository,
    private readonly requests: RightsRepository,
    private readonly sessions: SessionEnder,
    private readonly engines: DataEngines,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly hooks: AccountErasureHooks = noErasureHooks,
  ) {}

  /**
   * Erases every account whose cooling-off period is over. Called by the
   * worker loop and the CLI; a failed job is retried once its lease ends.
   * Returns how many accounts were erased.
   */
  async runDue(onError: (error: unknown) => void = () => undefined, limit = 20): Promise<number> {
    let erased = 0;
    for (const job of await this.jobs.due(this.clock.now(), limit)) {
      if (!(await this.jobs.claim(job.request_id, this.clock.now(), ERASURE_LEASE_MS))) continue;
      try {
        await this.erase(job);
        erased++;
      } catch (error) {
        onError(error);
      }
    }
    return erased;
  }

  /** Runs one job; safe to repeat, since erasing what is already gone changes nothing. */
  private async erase(job: ErasureJobRow): Promise<void> {
    if (job.user_id !== null)
      await this.eraseAccount(job.user_id, {
        closedAnswer: CLOSED_WITH_ACCOUNT,
        detail: { requestId: job.request_id },
        except: job.request_id,
      });
    const now = this.clock.now();
    await this.requests.move(job.request_id, ['in_progress'], 'fulfilled', {
      open_kind: null,
      closed_at: now,
      answer: ERASED_ANSWER,
    });
    await this.jobs.complete(job.request_id, now);
  }

  /**
   * Erases one account now, as a cancellation does: its other open requests
   * are closed with `closedAnswer`, its sessions ended, the organizations it
   * runs settled, and everything held about it erased by the engines. Also
   * used when an organization is dissolved, for the enterprise accounts it
   * created (ADR 18). Safe to repeat.
   */
  async eraseAccount(
    userId: string,
    cause: { closedAnswer: string; detail: Record<string, unknown>; except?: string },
  ): Promise<void> {
    await this.closeOtherRequests(userId, cause.except ?? '', cause.closedAnswer);
    await this.sessions.endAll(userId);
    await this.hooks.beforeErase(userId);
    const result = await this.engines.erase(userId, { kind: 'all' });
    await this.audit.record({
      actor: { kind: 'system' },
      subjectId: userId,
      action: 'account.erased',
      detail: { ...cause.detail, ...result },
    });
  }

  /** Other open requests of the account end with it; nobody is left to answer. */
  private async closeOtherRequests(userId: string, except: string, answer: string) {
    const now = this.clock.now();
    for (const other of await this.requests.listOpenForUser(userId, except))
      await this.requests.move(other.id, ['submitted', 'verified', 'in_progress'], 'withdrawn', {
        open_kind: null,
        closed_at: now,
        answer,
      });
  }
}
