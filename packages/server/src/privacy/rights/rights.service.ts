import type { Readable } from 'node:stream';
import type { RequestCodeResult } from '@carillon/protocol/auth';
import type {
  AccessReportResult,
  CreateRightsRequestBody,
  RightsRequest,
  RightsRequestKind,
} from '@carillon/protocol/rights';
import type { z } from 'zod';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import type { IdGenerator } from '../../platform/ids';
import type { AuditLog } from '../audit/audit-log';
import type { EditionRules } from '../editions';
import type { DataEngines } from '../engines/data-engines';
import type { AccountCancellations } from './cancellation.service';
import { ORGANIZATION_ANSWERS, type RightsFulfilment } from './fulfilment';
import { assertCancellable, type AccountErasureHooks } from './erasure-hooks';
import type { CodeSent, IdentityCheck } from './identity-check';
import type { OrganizationRouting } from './organization-routing';
import { assertMove, DAY_MS, deadlineDays } from './request-states';
import { kindOf, presentRequest, readSubmitted, statusOf, type ValueSealer } from './request-view';
import { assertWithdrawable, loadOwnRequest, type CategoryRules } from './rights.policy';
import type { RightsRepository, RightsRequestRow } from './rights.repository';

/** Ports this service works through, each given explicitly. */
export interface RightsServicePorts {
  requests: RightsRepository;
  identity: IdentityCheck;
  fulfilment: RightsFulfilment;
  cancellations: AccountCancellations;
  engines: DataEngines;
  /** Where parts about organization-controlled data go (ORG-4). */
  routing: OrganizationRouting;
  /** What must be settled before an account may be cancelled. */
  erasureHooks: AccountErasureHooks;
  categories: CategoryRules;
  audit: AuditLog;
  /** Seals each request's submitted body under the requester's key. */
  vault: ValueSealer;
  edition: EditionRules;
  clock: Clock;
  ids: IdGenerator;
  /** Told when automatic handling fails; the request then goes to the operator queue. */
  reportFailure: (error: unknown) => void;
}

const AUTOMATION_FAILED = 'Automatic handling failed; a person will finish this request.';

const alreadyRunning = (kind: string) =>
  new AppError('conflict', `A ${kind} request of yours is already being fulfilled.`, { kind });

/**
 * The data-rights center (PRIV-5): a person submits a request, confirms it
 * with their password and a one-time code, and it is fulfilled at once or
 * queued for an operator, within the edition's deadline.
 */
export class RightsService {
  constructor(private readonly p: RightsServicePorts) {}

  /**
   * Records a request (status `submitted`) and sends the code that confirms
   * it (none for an account with no phone or e-mail: its password does).
   */
  async create(
    userId: string,
    body: CreateRightsRequestBody,
    ip: string,
  ): Promise<{ request: RightsRequest; code: z.input<typeof RequestCodeResult> | null }> {
    if (body.kind === 'delete' && body.categories)
      this.p.categories.assertDeletable(body.categories);
    if (body.kind === 'restrict') this.p.categories.assertKnown([body.category]);
    if (body.kind === 'withdraw_consent') assertWithdrawable(body.purpose);
    if (body.kind === 'cancel_account') await assertCancellable(this.p.erasureHooks, userId);
    if (await this.p.requests.findBeingFulfilled(userId, body.kind))
      throw alreadyRunning(body.kind);
    const code = await this.p.identity.sendCode(userId, ip);
    const now = this.p.clock.now();
    const row: RightsRequestRow = {
      id: this.p.ids.next(),
      user_id: userId,
      kind: body.kind,
      status: 'submitted',
      details: await this.p.vault.encrypt(userId, JSON.stringify(body)),
      open_kind: null,
      created_at: now,
      deadline_at: now + deadlineDays(body.kind, this.p.edition) * DAY_MS,
      verified_at: null,
      started_at: null,
      closed_at: null,
      awaiting_operator_at: null,
      answer: null,
      refusal_reason: null,
    };
    await this.p.requests.insert(row);
    await this.record(row, 'rights_request.submitted');
    return { request: presentRequest(row, body, now), code };
  }

  /** Sends a fresh confirmation code for a request that is not yet verified. */
  async resendCode(userId: string, id: string, ip: string): Promise<CodeSent> {
    const row = await loadOwnRequest(this.p.requests, userId, id);
    assertMove(statusOf(row), 'verified');
    const sent = await this.p.identity.sendCode(userId, ip);
    if (!sent)
      throw new AppError(
        'conflict',
        'This account has no phone number or e-mail address: its password alone confirms requests.',
      );
    return sent;
  }

  /**
   * Confirms the requester's identity with password and code, then starts
   * the request. Nothing happens unless both are right.
   */
  async verify(userId: string, id: string, password: string, code: string | undefined) {
    const row = await loadOwnRequest(this.p.requests, userId, id);
    assertMove(statusOf(row), 'verified');
    if (row.kind === 'cancel_account') await assertCancellable(this.p.erasureHooks, userId);
    await this.p.identity.verify(userId, password, code);
    const now = this.p.clock.now();
    const moved = await this.p.requests.move(id, ['submitted'], 'verified', {
      verified_at: now,
      open_kind: row.kind,
    });
    if (moved === 'duplicate') throw alreadyRunning(row.kind);
    if (moved === 'stale') throw new AppError('conflict', 'The request changed meanwhile.');
    await this.record(row, 'rights_request.verified');
    await this.start({ ...row, status: 'verified', verified_at: now, open_kind: row.kind });
    return this.get(userId, id);
  }

  /** Moves a verified request into progress and fulfils or queues it. */
  private async start(row: RightsRequestRow): Promise<void> {
    const now = this.p.clock.now();
    await this.p.requests.move(row.id, ['verified'], 'in_progress', { started_at: now });
    const body = await readSubmitted(this.p.vault, row);
    const outcome = await this.p.fulfilment.perform(row, body).catch((error) => {
      this.p.reportFailure(error);
      return { kind: 'operator' as const, answer: AUTOMATION_FAILED };
    });
    if (outcome.kind === 'fulfilled') {
      await this.p.requests.move(row.id, ['in_progress'], 'fulfilled', {
        closed_at: this.p.clock.now(),
        open_kind: null,
        answer: outcome.answer,
      });
      await this.record(row, 'rights_request.fulfilled', { kind: 'system' });
    } else if (outcome.kind === 'operator')
      await this.p.requests.annotate(row.id, { awaiting_operator_at: now, answer: outcome.answer });
  }

  /**
   * Calls a request of one's own off while nothing has been done with it:
   * before it is confirmed, or while it waits for an operator. Anything else
   * answers 409. An account cancellation under way has ended every session;
   * signing in is what withdraws it (`CancellationService`), not this.
   */
  async withdraw(userId: string, id: string): Promise<RightsRequest> {
    const row = await loadOwnRequest(this.p.requests, userId, id);
    const status = statusOf(row);
    const queued =
      status === 'in_progress' &&
      row.awaiting_operator_at !== null &&
      row.kind !== 'cancel_account';
    if (status !== 'submitted' && !queued)
      throw new AppError('conflict', 'This request can no longer be withdrawn.', { status });
    const moved = await this.p.requests.move(id, [status], 'withdrawn', {
      closed_at: this.p.clock.now(),
      open_kind: null,
    });
    if (moved !== 'moved') throw new AppError('conflict', 'The request changed meanwhile.');
    await this.record(row, 'rights_request.withdrawn');
    return this.get(userId, id);
  }

  /** The person's requests, newest first, with deadlines and days left. */
  async list(userId: string): Promise<RightsRequest[]> {
    const rows = await this.p.requests.listForUser(userId);
    const enterprise = await this.p.fulfilment.isEnterpriseAccount(userId);
    return Promise.all(rows.map((row) => this.present(row, enterprise)));
  }

  /** One of the person's own requests. */
  async get(userId: string, id: string): Promise<RightsRequest> {
    const row = await loadOwnRequest(this.p.requests, userId, id);
    return this.present(row, await this.p.fulfilment.isEnterpriseAccount(userId));
  }

  /** The access report (GDPR Art. 15) of a fulfilled access request, generated now. */
  async report(userId: string, id: string): Promise<z.input<typeof AccessReportResult>> {
    await this.fulfilledOfKind(userId, id, 'access');
    const { subjectId: _subject, ...report } = await this.p.engines.accessReport(userId);
    await this.p.audit.record({
      actor: { kind: 'user', id: userId },
      subjectId: userId,
      action: 'access_report.read',
      detail: { requestId: id },
    });
    return { requestId: id, ...report, automatedDecisions: [] };
  }

  /** The export archive (a zip stream) of a fulfilled copy request. */
  async exportArchive(userId: string, id: string): Promise<Readable> {
    await this.fulfilledOfKind(userId, id, 'copy');
    const archive = await this.p.engines.exportArchive(userId);
    await this.p.audit.record({
      actor: { kind: 'user', id: userId },
      subjectId: userId,
      action: 'data.exported',
      detail: { requestId: id },
    });
    return archive;
  }

  private async fulfilledOfKind(userId: string, id: string, kind: RightsRequestKind) {
    const row = await loadOwnRequest(this.p.requests, userId, id);
    if (kindOf(row) !== kind) throw notFound(kind === 'access' ? 'Report' : 'Export');
    if (statusOf(row) !== 'fulfilled')
      throw new AppError('conflict', 'The request is not fulfilled yet.', { status: row.status });
    // An enterprise account's data is its organization's to hand over, not Carillon's (ORG-3).
    if (await this.p.fulfilment.organizationAnswers(row, { kind }))
      throw new AppError(
        'forbidden',
        'This is an enterprise account: its organization answers this request, so there is no download here.',
        { reason: 'organization_controlled' },
      );
  }

  /** `enterprise`: whether an organization owns the requester's account. */
  private async present(row: RightsRequestRow, enterprise: boolean): Promise<RightsRequest> {
    const coolingOffEndsAt =
      row.kind === 'cancel_account' ? await this.p.cancellations.coolingOffEnd(row.id) : null;
    const submitted = await readSubmitted(this.p.vault, row);
    return presentRequest(row, submitted, this.p.clock.now(), {
      coolingOffEndsAt,
      organizations: await this.p.routing.partsOf(row.id),
      answeredByOrganization: enterprise && ORGANIZATION_ANSWERS.has(submitted.kind),
    });
  }

  private record(
    row: RightsRequestRow,
    action: string,
    actor: { kind: 'user' | 'system' } = { kind: 'user' },
  ) {
    return this.p.audit.record({
      actor: actor.kind === 'user' ? { kind: 'user', id: row.user_id! } : actor,
      subjectId: row.user_id!,
      action,
      detail: { requestId: row.id, kind: row.kind },
    });
  }
}
