import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/schema';
import type { RouteDefinition } from '../../platform/http/route';
import type { IdGenerator } from '../../platform/ids';
import type { AuditLog } from '../audit/audit-log';
import type { EditionRules } from '../editions';
import { loadTaxonomy } from '../fideslang';
import { PoliciesRepository } from '../policies/policies.repository';
import { policiesRoutes } from '../policies/policies.routes';
import { PoliciesService } from '../policies/policies.service';
import { shippedPolicyTexts, type ControllerContact } from '../policies/policy-texts';
import { ConsentRepository } from './consent.repository';
import { consentRoutes } from './consent.routes';
import { ConsentService } from './consent.service';
import { GuardianRepository } from './guardian.repository';
import { GuardianService } from './guardian.service';
import { catalogueProblems } from './purposes';
import { loadReceiptSigningKey, receiptSigner } from './receipt-signer';
import { ReceiptsService } from './receipts.service';
import { SignUpConsentService } from './sign-up.service';
import { wellKnownRoutes } from './well-known.routes';

/** The deployment facts the policy and consent services need. */
export interface ConsentCoreSettings {
  edition: EditionRules;
  controller: ControllerContact;
  /** Base URL the server is reached at, for receipts' policy links. */
  publicUrl: string;
  /** RECEIPT_SIGNING_KEY; undefined generates one into `dataDir`. */
  receiptSigningKey: string | undefined;
  dataDir: string;
}

/** Policy documents, the consent ledger and its receipts, wired together, with their routes. */
export interface ConsentCore {
  policies: PoliciesService;
  consents: ConsentService;
  signUp: SignUpConsentService;
  guardian: GuardianService;
  receipts: ReceiptsService;
  routes: RouteDefinition[];
}

/**
 * Builds the consent side of the privacy core and publishes policy version 1
 * on first start. Fails at boot when a purpose names an unknown or
 * deprecated Fides key, like the manifests do.
 */
export async function buildConsentCore(
  db: Kysely<Database>,
  settings: ConsentCoreSettings,
  clock: Clock,
  ids: IdGenerator,
  audit?: AuditLog,
): Promise<ConsentCore> {
  const problems = catalogueProblems(loadTaxonomy());
  if (problems.length > 0) throw new Error(`Invalid purposes:\n  ${problems.join('\n  ')}`);
  const { edition } = settings;
  const policies = new PoliciesService(new PoliciesRepository(db), edition, clock, audit);
  await policies.bootstrap(() => shippedPolicyTexts(edition, settings.controller));

  const records = new ConsentRepository(db);
  const guardians = new GuardianRepository(db);
  const consents = new ConsentService(records, guardians, policies, edition, clock, ids, audit);
  const signUp = new SignUpConsentService(consents, policies, guardians, edition, clock, ids);
  const guardian = new GuardianService(guardians, consents, policies, clock);
  const signer = receiptSigner(loadReceiptSigningKey(settings.receiptSigningKey, settings.dataDir));
  const receipts = new ReceiptsService(records, signer, {
    controller: {
      ...settings.controller,
      name: settings.controller.name ?? `Operator of the Carillon server at ${settings.publicUrl}`,
    },
    publicUrl: settings.publicUrl,
  });
  const routes = [
    ...policiesRoutes(policies, edition.prevailingLanguage),
    ...consentRoutes({ consents, guardian, receipts }, edition.prevailingLanguage),
    ...wellKnownRoutes(receipts),
  ];
  return { policies, consents, signUp, guardian, receipts, routes };
}
