import type { AuditLog } from '../../privacy/audit/audit-log';
import type { AccountErasureHooks } from '../../privacy/rights/erasure-hooks';
import type { DissolutionService } from './dissolution.service';
import { recordOrgAction } from './org-audit';
import type { OrganizationsStore } from './organizations.store';

/**
 * What erasing an account means for the organizations it runs (ADR 14): a
 * main administrator of an organization with other members cannot cancel
 * until they hand the role over or dissolve it. Should one still be erased
 * (the role was handed to them during their cooling-off period), the role
 * passes to a sub-administrator, else the longest-serving member; an
 * organization with nobody else in it is dissolved at once.
 */
export function organizationErasureHooks(
  store: OrganizationsStore,
  dissolution: DissolutionService,
  audit: AuditLog,
): AccountErasureHooks {
  return {
    async blockers(userId) {
      const blockers: string[] = [];
      // The account and everything done with it are the organization's (ORG-3): it decides.
      const home = await store.controller.enterpriseHome(userId);
      if (home)
        blockers.push(
          `This is an enterprise account of “${home.name}”: only its administrators can delete it.`,
        );
      for (const org of await store.controller.mainAdminOf(userId))
        if ((await store.organizations.countMembers(org.id)) > 1)
          blockers.push(
            `You are the main administrator of “${org.name}”: hand the role over or dissolve it first.`,
          );
      return blockers;
    },
    async beforeErase(userId) {
      for (const org of await store.controller.mainAdminOf(userId)) {
        const successor = await store.transaction(async (tx) => {
          await tx.organizations.lockForChanges(org.id);
          const next = await tx.controller.successor(org.id, userId);
          if (!next) return undefined;
          await tx.organizations.updateMember(org.id, userId, {
            role: 'member',
            admin_scope: null,
          });
          await tx.organizations.updateMember(org.id, next.user_id, {
            role: 'main_admin',
            admin_scope: null,
          });
          return next;
        });
        if (!successor) {
          await dissolution.dissolveNow(org.id);
          continue;
        }
        await recordOrgAction(audit, {
          actor: { kind: 'system' },
          action: 'organization.main_admin_succeeded',
          organizationId: org.id,
          subjectId: successor.user_id,
          detail: { reason: 'the previous main administrator’s account was erased' },
        });
      }
    },
  };
}
