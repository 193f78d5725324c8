import type { OperatorRightsRequest, RightsRequestStatus } from '@carillon/protocol/rights';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import type { AuditLog } from '../audit/audit-log';
import { assertMove } from './request-states';
import { presentRequest, readSubmitted, statusOf, type ValueSealer } from './request-view';
import type { RightsRepository, RightsRequestRow } from './rights.repository';

/** The purpose recorded when an operator answers a request; the person sees it in their access log. */
export const ANSWER_PURPOSE = 'answering the person’s own data-rights request';

/**
 * The operator side of the data-rights center: the queue of requests that
 * need a person, and the fulfilment or reasoned refusal of each. Every read
 * and every answer is audited with its purpose, per person concerned.
 */
export class RightsOperatorService {
  constructor(
    private readonly requests: RightsRepository,
    private readonly audit: AuditLog,
    private readonly vault: ValueSealer,
    private readonly clock: Clock,
  ) {}

  /** Requests waiting for a person, overdue first; each person shown gets an audit entry. */
  async queue(operatorId: string, purpose: string): Promise<OperatorRightsRequest[]> {
    const rows = await this.requests.operatorQueue();
    for (const row of rows)
      await this.audit.record({
        actor: { kind: 'operator', id: operatorId },
        subjectId: row.user_id!,
        action: 'rights_request.read',
        purpose,
        detail: { requestId: row.id, kind: row.kind },
      });
    return Promise.all(rows.map((row) => this.present(row)));
  }

  /** Closes a queued request as fulfilled, with an optional note to the person. */
  fulfil(operatorId: string, id: string, note: string | undefined) {
    return this.close(operatorId, id, 'fulfilled', note ? { answer: note } : {});
  }

  /** Refuses a queued request; the written reason is shown to the person (PRIV-5). */
  refuse(operatorId: string, id: string, reason: string) {
    return this.close(operatorId, id, 'refused', { refusal_reason: reason });
  }

  private async close(
    operatorId: string,
    id: string,
    to: RightsRequestStatus,
    text: { answer?: string; refusal_reason?: string },
  ): Promise<OperatorRightsRequest> {
    const row = await this.requests.find(id);
    if (!row) throw notFound('Request');
    assertMove(statusOf(row), to);
    if (row.awaiting_operator_at === null)
      throw new AppError('conflict', 'This request is handled automatically, not by an operator.');
    const now = this.clock.now();
    const changes = { ...text, closed_at: now, open_kind: null };
    if ((await this.requests.move(id, ['in_progress'], to, changes)) !== 'moved')
      throw new AppError('conflict', 'The request was answered meanwhile.');
    await this.audit.record({
      actor: { kind: 'operator', id: operatorId },
      subjectId: row.user_id!,
      action: `rights_request.${to}`,
      purpose: ANSWER_PURPOSE,
      detail: { requestId: id, kind: row.kind },
    });
    return this.present({ ...row, ...changes, status: to });
  }

  private async present(row: RightsRequestRow): Promise<OperatorRightsRequest> {
    const submitted = await readSubmitted(this.vault, row);
    return { ...presentRequest(row, submitted, this.clock.now()), userId: row.user_id };
  }
}
