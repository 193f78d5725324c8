import type {
  ConsentMethod,
  ConsentPurposeView,
  ConsentRecord,
  PolicyLanguage,
  PolicyStatus,
} from '@carillon/protocol/privacy';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import type { IdGenerator } from '../../platform/ids';
import type { AuditLog } from '../audit/audit-log';
import type { EditionRules } from '../editions';
import type { PolicyStanding } from '../policies/policies.service';
import type { ConsentEntry, ConsentRepository } from './consent.repository';
import type { GuardianRepository } from './guardian.repository';
import {
  needsOwnConsent,
  POLICY_PURPOSE,
  purposeOf,
  purposes,
  type Purpose,
  type PurposeKey,
} from './purposes';

/** Why processing for a purpose may not go ahead. */
export type RefusalReason =
  'unknown_purpose' | 'not_granted' | 'reconsent_required' | 'guardian_consent_required';

/** The answer of `check`: allowed, or refused with the reason. */
export type ConsentDecision =
  { allowed: true } | { allowed: false; reason: RefusalReason; currentVersion?: number };

/** What the ledger needs to know about the policy. */
export interface PolicyReader {
  standing(): Promise<PolicyStanding>;
}

/** How a change reached us, and whether the request carried a Global Privacy Control signal. */
export interface ChangeContext {
  method: ConsentMethod;
  gpcSignal: boolean;
}

const refusalMessages: Record<RefusalReason, string> = {
  unknown_purpose: 'No consent covers this purpose.',
  not_granted: 'This function is switched off; turn it on in the privacy settings first.',
  reconsent_required:
    'The privacy policy changed significantly; accept the current version to use additional functions again.',
  guardian_consent_required:
    'A guardian must approve this account before additional functions can be used.',
};

/** The `consent_required` error for a refusal; `details.reason` tells clients what to ask for. */
function refusal(
  purpose: string,
  decision: Extract<ConsentDecision, { allowed: false }>,
): AppError {
  const { reason, currentVersion } = decision;
  return new AppError('consent_required', refusalMessages[reason], {
    purpose,
    reason,
    reconsentRequired: reason === 'reconsent_required',
    ...(currentVersion === undefined ? {} : { currentVersion }),
  });
}

const allPurposeKeys = Object.keys(purposes) as PurposeKey[];
const gpcPurposeKeys = allPurposeKeys.filter((key) => purposes[key].withdrawnByGpc);

/**
 * The consent ledger (PRIV-2, PRIV-3, PRIV-4, PRIV-20): records grants and
 * withdrawals, and is the one place that decides whether processing for a
 * purpose may go ahead. Features call `require` before processing.
 */
export class ConsentService {
  constructor(
    private readonly records: ConsentRepository,
    private readonly guardians: GuardianRepository,
    private readonly policies: PolicyReader,
    private readonly edition: EditionRules,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly audit?: AuditLog,
  ) {}

  /**
   * Whether a subject's data may be processed for a purpose now. Basic
   * functions are covered by the policy and keep working after a significant
   * change; additional functions and sensitive categories need a live grant
   * under an accepted current policy, and a guardian's consent for a child.
   */
  async check(subjectId: string, key: PurposeKey | string): Promise<ConsentDecision> {
    const purpose = purposeOf(key);
    if (!purpose) return { allowed: false, reason: 'unknown_purpose' };
    if (!needsOwnConsent(purpose)) return { allowed: true };
    const gate = await this.gate(subjectId);
    if (!gate.allowed) return gate;
    const latest = (await this.records.latest(subjectId, [key])).get(key);
    return latest?.action === 'granted'
      ? { allowed: true }
      : { allowed: false, reason: 'not_granted' };
  }

  /** Throws `consent_required` (403) unless `check` allows; call before processing anything. */
  async require(subjectId: string, key: PurposeKey): Promise<void> {
    const decision = await this.check(subjectId, key);
    if (!decision.allowed) throw refusal(key, decision);
  }

  /** The policy notice flag: accepted and current versions, and whether to ask again. */
  async policyStatus(subjectId: string): Promise<PolicyStatus> {
    const { current, lastSignificant } = await this.policies.standing();
    const accepted = await this.records.acceptedVersion(subjectId, POLICY_PURPOSE);
    return {
      acceptedVersion: accepted ?? null,
      currentVersion: current,
      reconsentRequired: accepted === undefined || accepted < lastSignificant,
    };
  }

  /** Accepts the current policy version; any other version answers 409 with the current one. */
  async acceptPolicy(subjectId: string, version: number, method: ConsentMethod) {
    const { current } = await this.policies.standing();
    if (version !== current)
      throw new AppError('conflict', `Version ${current} is the current policy.`, {
        currentVersion: current,
      });
    if ((await this.records.acceptedVersion(subjectId, POLICY_PURPOSE)) !== current)
      await this.append(subjectId, POLICY_PURPOSE, 'granted', method, current);
    return this.policyStatus(subjectId);
  }

  /**
   * Appends an acceptance without the checks of `acceptPolicy`, for sign-up
   * and for a guardian (`actorId`) accepting on a child's behalf.
   */
  async recordAcceptance(
    subjectId: string,
    version: number,
    method: ConsentMethod,
    actorId = subjectId,
  ): Promise<ConsentEntry> {
    return this.append(subjectId, POLICY_PURPOSE, 'granted', method, version, actorId);
  }

  /** Every purpose with its current state, in the reader's language. */
  async list(subjectId: string, language: PolicyLanguage) {
    const latest = await this.records.latest(subjectId, [POLICY_PURPOSE, ...allPurposeKeys]);
    return {
      language,
      policy: await this.policyStatus(subjectId),
      purposes: allPurposeKeys.map((key) => this.view(key, latest, language)),
    };
  }

  /**
   * Flips one switch. Granting needs an accepted current policy (and a
   * guardian's consent for a child); withdrawing is always possible, takes
   * effect at once and leaves earlier records as they are.
   */
  async set(
    subjectId: string,
    key: string,
    granted: boolean,
    context: ChangeContext,
    language: PolicyLanguage,
  ): Promise<ConsentPurposeView> {
    const purpose = purposeOf(key);
    if (!purpose) throw notFound(`Purpose ${key}`);
    if (purpose.kind === 'basic')
      throw new AppError('conflict', 'Basic functions are covered by the privacy policy.', {
        reason: 'basic_function',
      });
    if (granted) await this.checkGrantable(subjectId, key, purpose, context);
    const latest = (await this.records.latest(subjectId, [key])).get(key);
    const isGranted = latest?.action === 'granted';
    if (granted !== isGranted) {
      const { current } = await this.policies.standing();
      await this.append(subjectId, key, granted ? 'granted' : 'withdrawn', context.method, current);
    }
    const after = await this.records.latest(subjectId, [key]);
    return this.view(key as PurposeKey, after, language);
  }

  /** The subject's ledger, newest first. */
  async history(subjectId: string): Promise<ConsentRecord[]> {
    return (await this.records.history(subjectId)).map(
      ({ subjectId: _subject, ...record }) => record,
    );
  }

  /**
   * Honours a `Sec-GPC: 1` request: withdraws every live grant for purposes
   * that rest on opt-out, recorded with method `gpc`. Returns how many.
   */
  async applyGpcSignal(subjectId: string): Promise<number> {
    const latest = await this.records.latest(subjectId, gpcPurposeKeys);
    const live = [...latest.values()].filter((entry) => entry.action === 'granted');
    if (live.length === 0) return 0;
    const { current } = await this.policies.standing();
    for (const entry of live)
      await this.append(subjectId, entry.purpose, 'withdrawn', 'gpc', current);
    return live.length;
  }

  /** Whether the subject is a child still waiting for a guardian's consent. */
  async isAwaitingGuardian(subjectId: string): Promise<boolean> {
    const request = await this.guardians.findByMinor(subjectId);
    return !!request && request.approved_at === null && request.rule_ends_at > this.clock.now();
  }

  private async gate(subjectId: string): Promise<ConsentDecision> {
    if (await this.isAwaitingGuardian(subjectId))
      return { allowed: false, reason: 'guardian_consent_required' };
    const status = await this.policyStatus(subjectId);
    if (status.reconsentRequired)
      return {
        allowed: false,
        reason: 'reconsent_required',
        currentVersion: status.currentVersion,
      };
    return { allowed: true };
  }

  private async checkGrantable(
    subjectId: string,
    key: string,
    purpose: Purpose,
    context: ChangeContext,
  ) {
    if (context.gpcSignal && purpose.withdrawnByGpc)
      throw new AppError(
        'conflict',
        'Your browser sends Global Privacy Control, which refuses this.',
        {
          reason: 'gpc_signal',
        },
      );
    const gate = await this.gate(subjectId);
    if (!gate.allowed) throw refusal(key, gate);
  }

  private view(
    key: PurposeKey,
    latest: Map<string, ConsentEntry>,
    language: PolicyLanguage,
  ): ConsentPurposeView {
    const purpose: Purpose = purposes[key];
    const entry = latest.get(purpose.kind === 'basic' ? POLICY_PURPOSE : key);
    return {
      purpose: key,
      kind: purpose.kind,
      ...purpose.text[language],
      dataUse: purpose.dataUse,
      dataCategories: purpose.categories,
      sensitive: purpose.sensitiveCategories.length > 0,
      sensitiveCategories: purpose.sensitiveCategories,
      granted: entry?.action === 'granted',
      since: entry?.recordedAt ?? null,
      recordId: entry?.id ?? null,
    };
  }

  private async append(
    subjectId: string,
    purpose: string,
    action: ConsentEntry['action'],
    method: ConsentMethod,
    policyVersion: number,
    actorId = subjectId,
  ): Promise<ConsentEntry> {
    const entry: ConsentEntry = {
      id: this.ids.next(),
      subjectId,
      purpose,
      action,
      method,
      policyVersion,
      edition: this.edition.name,
      recordedAt: this.clock.now(),
    };
    await this.records.append(entry);
    await this.audit?.record({
      actor: { kind: 'user', id: actorId },
      subjectId,
      action: purpose === POLICY_PURPOSE ? 'policy.accepted' : `consent.${action}`,
      detail: { purpose, method, policyVersion, recordId: entry.id },
    });
    return entry;
  }
}
