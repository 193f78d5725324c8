import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/schema';
import type { RateLimit, RouteDefinition } from '../../platform/http/route';
import type { IdGenerator } from '../../platform/ids';
import type { AppGate, FriendBoundary } from '../../platform/organization-hooks';
import type { AuditLog } from '../../privacy/audit/audit-log';
import type { EnterpriseLogin } from '../accounts/accounts.service';
import type { AccountEraser, PasswordCheck } from './dissolution.service';
import { EnterpriseAccountsRepository } from './enterprise-accounts.repository';
import { enterpriseAccountsRoutes } from './enterprise-accounts.routes';
import { EnterpriseAccountsService } from './enterprise-accounts.service';
import { enterpriseFriendBoundary } from './friend-boundary';
import { orgAdminRoutes } from './org-admin.routes';
import { orgAppGate, OrgAppsRepository } from './org-apps';
import { OrgAppsService } from './org-apps.service';
import type { OrganizationsStore } from './organizations.store';
import { OrgSecurityLog, withSecurityLog } from './security-log';
import { SecurityLogRepository } from './security-log.repository';
import { SecurityLogService } from './security-log.service';

/**
 * What organization administration (ADR 0013) gives the rest of the server
 * before any route exists: the security log sessions and files write to,
 * the app switch features check, the enterprise sign-in lookup, the
 * friendship boundary of enterprise accounts, and the
 * audit log organization features write through.
 */
export interface OrgAdministrationHooks {
  securityLog: OrgSecurityLog;
  apps: AppGate;
  enterpriseLogin: EnterpriseLogin;
  /** Enterprise accounts befriend their organization's members only. */
  friends: FriendBoundary;
  /** Audits, and copies each administrative action into the security log. */
  audit: AuditLog;
}

/** Builds the hooks over the database. */
export function orgAdministrationHooks(
  db: Kysely<Database>,
  audit: AuditLog,
  clock: Clock,
  ids: IdGenerator,
): OrgAdministrationHooks {
  const securityLog = new OrgSecurityLog(new SecurityLogRepository(db), clock, ids);
  const accounts = new EnterpriseAccountsRepository(db);
  return {
    securityLog,
    apps: orgAppGate(new OrgAppsRepository(db)),
    enterpriseLogin: {
      async find(code, accountName) {
        const row = await accounts.findForLogin(code, accountName);
        return (
          row && {
            userId: row.user_id,
            passwordHash: row.password_hash,
            disabled: row.disabled_at !== null,
          }
        );
      },
    },
    friends: enterpriseFriendBoundary(db),
    audit: withSecurityLog(audit, securityLog),
  };
}

/** What the administration routes are built from. */
export interface OrgAdministrationDependencies {
  db: Kysely<Database>;
  store: OrganizationsStore;
  /** The hooks' audit log, so administrative actions reach the security log too. */
  audit: AuditLog;
  clock: Clock;
  ids: IdGenerator;
  /** Ends every session of a user and cuts their sockets on every node (through the bus). */
  endSessions: (userId: string) => Promise<void>;
  /** Erases an enterprise account its organization deletes (the rights core's erasure). */
  eraseAccount: AccountEraser;
  /** Whether a password is the user's, to confirm a deletion. */
  checkPassword: PasswordCheck;
  limit: RateLimit;
}

/** Enterprise accounts, app management and the security log routes. */
export function orgAdministrationRoutes(deps: OrgAdministrationDependencies): RouteDefinition[] {
  const { db, store, audit, clock, ids } = deps;
  const accounts = new EnterpriseAccountsService({
    store,
    accounts: new EnterpriseAccountsRepository(db),
    audit,
    clock,
    ids,
    endSessions: deps.endSessions,
    eraseAccount: deps.eraseAccount,
    checkPassword: deps.checkPassword,
  });
  return [
    ...enterpriseAccountsRoutes(accounts, { limit: deps.limit }),
    ...orgAdminRoutes(
      new OrgAppsService(store, new OrgAppsRepository(db), audit, clock),
      new SecurityLogService(store, new SecurityLogRepository(db), audit),
    ),
  ];
}
