import type { CreateRightsRequestBody } from '@carillon/protocol/rights';
import type { UpdateProfileBody } from '@carillon/protocol/profiles';
import type { DataEngines } from '../engines/data-engines';
import type { AccountCancellations } from './cancellation.service';
import {
  noOrganizationRouting,
  ROUTED_KINDS,
  routedAnswer,
  type OrganizationRouting,
} from './organization-routing';
import type { RightsRequestRow } from './rights.repository';

/** Applies profile corrections the owner could make themselves; the profiles feature provides it. */
export interface ProfileEditor {
  update(userId: string, changes: UpdateProfileBody): Promise<unknown>;
}

/** Withdraws a consent in the consent ledger; absent until the ledger is wired in. */
export interface ConsentWithdrawal {
  withdraw(subjectId: string, purpose: string): Promise<unknown>;
}

/** What handling a verified request led to. */
export type Outcome =
  | { kind: 'fulfilled'; answer: string }
  /** A person must finish it; `answer` is an interim answer shown meanwhile. */
  | { kind: 'operator'; answer: string | null }
  | { kind: 'cooling_off' };

/**
 * PRIV-22: Carillon makes no automated decisions, so a question about one is
 * answered at once, without refusing anything.
 */
export const NO_AUTOMATED_DECISIONS =
  'Carillon makes no decisions about you by automated means alone: no profiling, scoring ' +
  'or automatic refusals that affect your rights (GDPR Art. 22, PIPL Art. 24). There is ' +
  'therefore no such decision to explain or contest.';

const QUEUED = 'A person will handle this request before its deadline.';

/** What the holder of an enterprise account is told: its organization answers, not Carillon. */
export const OWNED_ACCOUNT =
  'This is an enterprise account, which your organization created: everything about it is ' +
  'data the organization controls, so Carillon does not act on this request by itself.';

/** Kinds that an enterprise account's organization answers whole (ORG-3). */
export const ORGANIZATION_ANSWERS = new Set(['access', 'copy', 'delete', 'restrict']);

/**
 * Does what a verified request asks, wherever that needs no judgement;
 * everything else goes to the operator queue (PRIV-5: "automated fulfilment
 * wherever possible").
 */
export class RightsFulfilment {
  constructor(
    private readonly engines: DataEngines,
    private readonly profiles: ProfileEditor,
    private readonly consents: ConsentWithdrawal | undefined,
    private readonly cancellations: AccountCancellations,
    private readonly routing: OrganizationRouting = noOrganizationRouting,
  ) {}

  /**
   * Handles the request of `row`, whose submitted body is `body`: Carillon's
   * own part here, and the parts about organization-controlled data routed
   * to those organizations, with the person told where they went.
   */
  async perform(row: RightsRequestRow, body: CreateRightsRequestBody): Promise<Outcome> {
    if (await this.organizationAnswers(row, body)) {
      const names = await this.routing.route(row, body);
      const where =
        names.length > 0 ? routedAnswer(names) : ' None of its data matches this request.';
      return done(`${OWNED_ACCOUNT}${where}`);
    }
    const outcome = await this.personal(row, body);
    if (!ROUTED_KINDS.has(body.kind) || outcome.kind === 'cooling_off') return outcome;
    const names = await this.routing.route(row, body);
    if (names.length === 0) return outcome;
    return { ...outcome, answer: `${outcome.answer ?? QUEUED}${routedAnswer(names)}` };
  }

  /** Whether the whole request goes to the organization that owns the account. */
  async organizationAnswers(row: RightsRequestRow, body: Pick<CreateRightsRequestBody, 'kind'>) {
    return ORGANIZATION_ANSWERS.has(body.kind) && (await this.isEnterpriseAccount(row.user_id!));
  }

  /** Whether an organization owns the account (ORG-3), so answers its requests of those kinds. */
  async isEnterpriseAccount(userId: string): Promise<boolean> {
    return (await this.engines.owningOrganizations(userId)).length > 0;
  }

  private async personal(row: RightsRequestRow, body: CreateRightsRequestBody): Promise<Outcome> {
    const userId = row.user_id!;
    switch (body.kind) {
      case 'access':
        return done('Your report is ready: what we hold, why, on what basis, for how long.');
      case 'copy':
        return done('Your archive is ready to download.');
      case 'correct':
        if (body.profile) await this.profiles.update(userId, body.profile);
        return body.text === undefined
          ? done('Your profile was corrected.')
          : queued(body.profile ? 'Your profile fields were corrected; the rest waits.' : null);
      case 'delete':
        return this.delete(userId, body.categories, body.items);
      case 'restrict':
        if (body.lift) await this.engines.liftRestriction(userId, body.category);
        else await this.engines.restrict(userId, body.category);
        return done(body.lift ? 'The restriction was lifted.' : 'Processing is restricted.');
      case 'withdraw_consent':
        if (!this.consents) return queued(null);
        await this.consents.withdraw(userId, body.purpose);
        return done('Your consent was withdrawn.');
      case 'cancel_account':
        await this.cancellations.begin(row);
        return { kind: 'cooling_off' };
      case 'automated_decision':
        // The fact is answered at once; a described decision is also read by a person.
        return body.text === undefined
          ? done(NO_AUTOMATED_DECISIONS)
          : queued(NO_AUTOMATED_DECISIONS);
      case 'complaint':
        return queued(null);
    }
  }

  private async delete(
    userId: string,
    categories: string[] | undefined,
    items: string[] | undefined,
  ): Promise<Outcome> {
    let answer: string | null = null;
    if (categories) {
      const result = await this.engines.erase(userId, { kind: 'categories', categories });
      answer =
        `Erased: ${result.rowsDeleted} records deleted, ${result.valuesAnonymized} values ` +
        `anonymized. Recipients of this data were told to delete it too.`;
    }
    return items ? queued(answer) : done(answer ?? '');
  }
}

const done = (answer: string): Outcome => ({ kind: 'fulfilled', answer });
const queued = (answer: string | null): Outcome => ({ kind: 'operator', answer: answer ?? QUEUED });
