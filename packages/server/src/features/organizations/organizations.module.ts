import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/schema';
import type { RateLimit, RouteDefinition } from '../../platform/http/route';
import type { IdGenerator } from '../../platform/ids';
import type { Secrets } from '../../platform/secrets';
import type { AppGate } from '../../platform/organization-hooks';
import type { AuditLog } from '../../privacy/audit/audit-log';
import { certificationReviewRoutes } from './certification.routes';
import { CertificationService, type CertificationFiles } from './certification.service';
import { departmentsRoutes } from './departments.routes';
import { DepartmentsService } from './departments.service';
import { directoryRoutes } from './directory.routes';
import { DirectoryService } from './directory.service';
import { membershipRoutes } from './membership.routes';
import { MembershipService } from './membership.service';
import { organizationsRoutes } from './organizations.routes';
import type { OrgConversationsFactory } from './org-conversations';
import { OrganizationsService } from './organizations.service';
import { organizationsStore } from './organizations.store';
import { orgAdministrationRoutes } from './org-admin.module';
import {
  DissolutionService,
  type AccountEraser,
  type MemberNotice,
  type PasswordCheck,
} from './dissolution.service';
import { EventsService, type EventPublisher } from '../messaging/events.service';
import { messagingStore } from '../messaging/messaging.store';
import { orgControllerRoutes } from './org-controller.routes';
import { OrgDataService, type OrgDataEngines } from './org-data.service';
import { organizationErasureHooks } from './org-erasure-hooks';
import { OrgRightsService } from './org-rights.service';
import { RoutedPartReminders } from './org-rights-reminders';
import type { EditionRules } from '../../privacy/editions';
import type { ManifestRegistry } from '../../privacy/manifest';
import type { AccountErasureHooks } from '../../privacy/rights/erasure-hooks';
import type { OrganizationRouting } from '../../privacy/rights/organization-routing';
import type { ValueSealer } from '../../privacy/rights/request-view';

/** What the organizations feature is built from. */
export interface OrganizationsDependencies {
  db: Kysely<Database>;
  /** The data engines' organization side (export, erasure, who controls what). */
  engines: OrgDataEngines;
  /** The manifests: which organization-controlled tables an organization's retention applies to. */
  registry: ManifestRegistry;
  /** Seals routed rights requests under the requester's key. */
  vault: ValueSealer;
  /** The request deadline routed parts get, as personal requests do. */
  edition: EditionRules;
  checkPassword: PasswordCheck;
  /** Publishes members' events after commit (dissolution notices go to their event streams). */
  publish?: EventPublisher;
  reportFailure: (error: unknown) => void;
  /** ORG_DISSOLUTION_GRACE_DAYS. */
  dissolutionGraceDays: number;
  audit: AuditLog;
  secrets: Secrets;
  clock: Clock;
  ids: IdGenerator;
  /** Parses a phone number as typed into E.164 or throws `invalid_phone`. */
  normalizePhone: (input: string) => string;
  /** For phone invitations and joining, which can be used to probe. */
  limit: RateLimit;
  /** The conversations organizations own, changed with them (messaging, ADR 12). */
  chats: OrgConversationsFactory;
  /** The submitter's uploads and the bytes certification requests keep (the files feature). */
  files: CertificationFiles;
  /** Which functions each organization turned off (ORG-7, org-admin.module.ts). */
  apps: AppGate;
  /** Ends every session of a user and cuts their sockets on every node (enterprise accounts). */
  endSessions: (userId: string) => Promise<void>;
  /** Erases an enterprise account its organization deletes or is dissolved with (the rights core's erasure). */
  eraseAccount: AccountEraser;
}

/** The feature's routes and what the privacy core needs from it. */
export interface BuiltOrganizations {
  routes: RouteDefinition[];
  /** Routes parts of data-rights requests about organization-controlled data (ORG-4). */
  routing: OrganizationRouting;
  /** Settles main administrators before their accounts are erased (ADR 14). */
  erasureHooks: AccountErasureHooks;
  /** Due dissolutions, for the worker loop (main.ts) and the CLI. */
  dissolutions: DissolutionService;
  /** Reminders of routed parts near or past their deadline, for the worker loop (main.ts). */
  reminders: RoutedPartReminders;
}

/** Builds the organization services, their routes and the privacy core's ports. */
export function buildOrganizations(deps: OrganizationsDependencies): BuiltOrganizations {
  const { audit, clock, ids } = deps;
  const store = organizationsStore(deps.db, deps.chats);
  const certification = new CertificationService(store, deps.files, audit, clock, ids);
  // Where the organization's retention applies: its own tables, and its rows of personal ones.
  const targets = deps.registry.personalTables().flatMap((t) => {
    const from =
      t.controller === 'organization'
        ? t.organization?.retentionFrom
        : t.organizationRowsVia?.retentionFrom;
    return from ? [{ table: t.table, from }] : [];
  });
  const data = new OrgDataService(store, deps.engines, targets, audit, clock);
  const rights = new OrgRightsService(
    store,
    deps.engines,
    deps.vault,
    audit,
    deps.edition,
    clock,
    ids,
  );
  const notify = memberNotices(deps.db, clock, deps.publish, deps.reportFailure);
  const dissolutions = new DissolutionService({
    store,
    engines: deps.engines,
    checkPassword: deps.checkPassword,
    notify,
    endSessions: deps.endSessions,
    eraseAccount: deps.eraseAccount,
    routedParts: rights,
    audit,
    clock,
    graceDays: deps.dissolutionGraceDays,
  });
  const routes = [
    ...organizationsRoutes(new OrganizationsService(store, audit, clock, ids), certification),
    ...certificationReviewRoutes(certification),
    ...membershipRoutes(new MembershipService({ ...deps, store }), { limit: deps.limit }),
    ...departmentsRoutes(new DepartmentsService(store, audit, clock, ids)),
    ...directoryRoutes(new DirectoryService(store, audit, deps.normalizePhone, deps.apps)),
    ...orgAdministrationRoutes({ ...deps, store }),
    ...orgControllerRoutes(data, rights, dissolutions, { passwordLimit: deps.limit }),
  ];
  return {
    routes,
    routing: rights,
    erasureHooks: organizationErasureHooks(store, dissolutions, audit),
    dissolutions,
    reminders: new RoutedPartReminders(store, notify, clock),
  };
}

/**
 * Notices to members as events in their own streams (the messaging event
 * log): delivered live over the WebSocket and kept for them to read back.
 */
function memberNotices(
  db: Kysely<Database>,
  clock: Clock,
  publish: EventPublisher | undefined,
  reportFailure: (error: unknown) => void,
): MemberNotice {
  const events = new EventsService(messagingStore(db), clock, publish, reportFailure);
  return (userIds, type, payload) =>
    events.inTransaction((_tx, emit) => emit(userIds, type, payload));
}
