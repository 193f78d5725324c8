import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/schema';
import type { RateLimit, RouteDefinition } from '../../platform/http/route';
import type { IdGenerator } from '../../platform/ids';
import type { Secrets } from '../../platform/secrets';
import type { AppGate } from '../../platform/organization-hooks';
import type { AuditLog } from '../../privacy/audit/audit-log';
import { certificationReviewRoutes } from './certification.routes';
import { CertificationService } from './certification.service';
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

/** What the organizations feature is built from. */
export interface OrganizationsDependencies {
  db: Kysely<Database>;
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
  /** Which functions each organization turned off (ORG-7, org-admin.module.ts). */
  apps: AppGate;
  /** Ends every session of a user and cuts their sockets on every node (enterprise accounts). */
  endSessions: (userId: string) => Promise<void>;
}

/** Builds the organization services and returns their routes. */
export function organizationsModuleRoutes(deps: OrganizationsDependencies): RouteDefinition[] {
  const { audit, clock, ids } = deps;
  const store = organizationsStore(deps.db, deps.chats);
  const certification = new CertificationService(store, audit, clock, ids);
  return [
    ...organizationsRoutes(new OrganizationsService(store, audit, clock, ids), certification),
    ...certificationReviewRoutes(certification),
    ...membershipRoutes(new MembershipService({ ...deps, store }), { limit: deps.limit }),
    ...departmentsRoutes(new DepartmentsService(store, audit, clock, ids)),
    ...directoryRoutes(new DirectoryService(store, audit, deps.normalizePhone, deps.apps)),
    ...orgAdministrationRoutes({ ...deps, store }),
  ];
}
