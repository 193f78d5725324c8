import type { Kysely } from 'kysely';
import type { AccountsRepository } from '../../features/accounts/accounts.repository';
import type { CodesService } from '../../features/verification/codes.service';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/schema';
import type { RateLimit, RouteDefinition } from '../../platform/http/route';
import type { IdGenerator } from '../../platform/ids';
import type { AuditLog } from '../audit/audit-log';
import type { ConsentService } from '../consent/consent.service';
import type { EditionRules } from '../editions';
import type { DataEngines } from '../engines/data-engines';
import type { ManifestRegistry } from '../manifest';
import { AccountCancellations, type SessionEnder } from './cancellation.service';
import { noErasureHooks, type AccountErasureHooks } from './erasure-hooks';
import { ErasureJobs } from './erasure-jobs.service';
import { ErasuresRepository } from './erasures.repository';
import { RightsFulfilment, type ConsentWithdrawal, type ProfileEditor } from './fulfilment';
import { IdentityCheck } from './identity-check';
import { noOrganizationRouting, type OrganizationRouting } from './organization-routing';
import { DAY_MS } from './request-states';
import type { ValueSealer } from './request-view';
import { RightsOperatorService } from './rights-operator.service';
import { rightsOperatorRoutes } from './rights-operator.routes';
import { CategoryRules } from './rights.policy';
import { RightsRepository } from './rights.repository';
import { rightsRoutes } from './rights.routes';
import { RightsService } from './rights.service';

/** What account cancellation is built from; all of it exists before the accounts service. */
export interface CancellationDependencies {
  db: Kysely<Database>;
  sessions: SessionEnder;
  audit: AuditLog;
  clock: Clock;
  coolingOffDays: number;
}

/** Builds account cancellation (ACC-8), which sign-in consults to withdraw it or refuse. */
export function createAccountCancellations(deps: CancellationDependencies): AccountCancellations {
  return new AccountCancellations(
    new ErasuresRepository(deps.db),
    new RightsRepository(deps.db),
    deps.sessions,
    deps.audit,
    deps.clock,
    deps.coolingOffDays * DAY_MS,
  );
}

/** Builds the erasure jobs the worker loop (main.ts) and `npm run cli -- erasures:run` run. */
export function createErasureJobs(
  deps: Omit<CancellationDependencies, 'coolingOffDays'> & {
    engines: DataEngines;
    hooks?: AccountErasureHooks;
  },
): ErasureJobs {
  return new ErasureJobs(
    new ErasuresRepository(deps.db),
    new RightsRepository(deps.db),
    deps.sessions,
    deps.engines,
    deps.audit,
    deps.clock,
    deps.hooks,
  );
}

/** Withdrawal through the consent ledger, recorded as made through the API. */
export function consentWithdrawal(
  consents: ConsentService,
  edition: EditionRules,
): ConsentWithdrawal {
  return {
    withdraw: (subjectId, purpose) =>
      consents.set(
        subjectId,
        purpose,
        false,
        { method: 'api', gpcSignal: false },
        edition.prevailingLanguage,
      ),
  };
}

/** What the data-rights center is built from. */
export interface RightsCenterDependencies {
  db: Kysely<Database>;
  cancellations: AccountCancellations;
  engines: DataEngines;
  accounts: AccountsRepository;
  codes: CodesService;
  profiles: ProfileEditor;
  /** The consent ledger; without it, withdrawals go to the operator queue. */
  consents: ConsentWithdrawal | undefined;
  registry: ManifestRegistry;
  audit: AuditLog;
  vault: ValueSealer;
  edition: EditionRules;
  clock: Clock;
  ids: IdGenerator;
  authLimit: RateLimit;
  reportFailure: (error: unknown) => void;
  /** Where parts about organization-controlled data go; nowhere when absent. */
  routing?: OrganizationRouting;
  /** What must be settled before an account may be cancelled. */
  erasureHooks?: AccountErasureHooks;
}

/** Builds the data-rights center (PRIV-5) and returns its user and operator routes. */
export function rightsCenterRoutes(deps: RightsCenterDependencies): RouteDefinition[] {
  const requests = new RightsRepository(deps.db);
  const routing = deps.routing ?? noOrganizationRouting;
  const rights = new RightsService({
    requests,
    identity: new IdentityCheck(deps.accounts, deps.codes, deps.edition.prevailingLanguage),
    fulfilment: new RightsFulfilment(
      deps.engines,
      deps.profiles,
      deps.consents,
      deps.cancellations,
      routing,
    ),
    cancellations: deps.cancellations,
    engines: deps.engines,
    routing,
    erasureHooks: deps.erasureHooks ?? noErasureHooks,
    categories: new CategoryRules(deps.registry),
    audit: deps.audit,
    vault: deps.vault,
    edition: deps.edition,
    clock: deps.clock,
    ids: deps.ids,
    reportFailure: deps.reportFailure,
  });
  return [
    ...rightsRoutes(rights, { authLimit: deps.authLimit }),
    ...rightsOperatorRoutes(
      new RightsOperatorService(requests, deps.audit, deps.vault, deps.clock),
    ),
  ];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Account erasures due after cancellation, for the worker (main.ts) and the CLI. */
    erasureJobs: ErasureJobs;
  }
}
