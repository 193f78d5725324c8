import {
  policyLanguages,
  type PolicyDocument,
  type PolicyLanguage,
  type PolicyVersionInfo,
  type PublishPolicyBody,
} from '@carillon/protocol/privacy';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import type { AuditLog } from '../audit/audit-log';
import type { EditionRules } from '../editions';
import {
  isUniqueViolation,
  type PoliciesRepository,
  type PolicyText,
  type PolicyVersion,
} from './policies.repository';

/** The stable address of a version; old versions stay readable there forever (PRIV-1). */
export const policyPath = (version: number) => `/api/policies/${version}`;

/** Texts and summaries of one version in every policy language. */
export type PolicyTexts = Pick<PublishPolicyBody, 'texts' | 'summaries'>;

/** Where the policy stands: what people must have accepted (PRIV-3). */
export interface PolicyStanding {
  current: number;
  /** Accepting any version before this one no longer covers additional functions. */
  lastSignificant: number;
}

/** Publishes policy versions and reads them back, in every language (PRIV-1, PRIV-3). */
export class PoliciesService {
  constructor(
    private readonly policies: PoliciesRepository,
    private readonly edition: EditionRules,
    private readonly clock: Clock,
    private readonly audit?: AuditLog,
  ) {}

  /**
   * Publishes version 1 from the texts shipped with the server when nothing is
   * published yet. Safe on every start and on several nodes at once.
   */
  async bootstrap(first: () => PolicyTexts): Promise<void> {
    if ((await this.policies.standing()).current !== undefined) return;
    const version = {
      version: 1,
      significant: true,
      changes: ['First version of this policy.'],
      publishedAt: this.clock.now(),
    };
    try {
      await this.policies.insert(version, textsOf(first()));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  /** Publishes the next version. A significant one makes everyone accept the policy again. */
  async publish(body: PublishPolicyBody, operatorId: string): Promise<PolicyVersionInfo> {
    const { current } = await this.policies.standing();
    const version: PolicyVersion = {
      version: (current ?? 0) + 1,
      significant: body.significant,
      changes: body.changes,
      publishedAt: this.clock.now(),
    };
    try {
      await this.policies.insert(version, textsOf(body));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new AppError('conflict', 'Another version was published at the same time; retry.');
    }
    await this.audit?.record({
      actor: { kind: 'operator', id: operatorId },
      action: 'policy.published',
      detail: { version: version.version, significant: version.significant },
    });
    return info(version);
  }

  /** The current and last significant version numbers; fails before the first version exists. */
  async standing(): Promise<PolicyStanding> {
    const { current, lastSignificant } = await this.policies.standing();
    if (current === undefined) throw new AppError('unavailable', 'No policy is published yet.');
    return { current, lastSignificant: lastSignificant ?? current };
  }

  /** Every version, newest first. */
  async list() {
    const versions = await this.policies.list();
    return {
      currentVersion: (await this.standing()).current,
      prevailingLanguage: this.edition.prevailingLanguage,
      versions: versions.map(info),
    };
  }

  /** Whether a version was ever published. */
  async exists(version: number): Promise<boolean> {
    return (await this.policies.find(version)) !== undefined;
  }

  /** One version (or the current one) in a language; the prevailing one when none is asked for. */
  async document(
    which: number | 'current',
    language: PolicyLanguage = this.edition.prevailingLanguage,
  ): Promise<PolicyDocument> {
    const { current } = await this.standing();
    const number = which === 'current' ? current : which;
    const version = await this.policies.find(number);
    const text = version && (await this.policies.text(number, language));
    if (!version || !text) throw notFound(`Policy version ${number}`);
    return {
      ...info(version),
      language,
      prevailingLanguage: this.edition.prevailingLanguage,
      current: number === current,
      summary: text.summary,
      text: text.body,
    };
  }
}

function info(version: PolicyVersion): PolicyVersionInfo {
  return { ...version, url: policyPath(version.version) };
}

function textsOf(body: PolicyTexts): PolicyText[] {
  return policyLanguages.map((language) => ({
    language,
    summary: body.summaries[language],
    body: body.texts[language],
  }));
}
