import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema';
import type { FriendBoundary } from '../../platform/organization-hooks';

/**
 * Enterprise accounts befriend members of their own organization only
 * (ADR 0013): the account and what is done with it are the organization's
 * (DingTalk policy App. 19), and a personal friendship outside it would make
 * the organization hold a private relationship it has no business holding.
 */
export function enterpriseFriendBoundary(db: Kysely<Database>): FriendBoundary {
  return {
    async mayBefriend(a, b) {
      const bound = await db
        .selectFrom('enterprise_accounts')
        .select(['user_id', 'organization_id'])
        .where('user_id', 'in', [a, b])
        .execute();
      for (const account of bound) {
        const other = account.user_id === a ? b : a;
        const member = await db
          .selectFrom('organization_members')
          .select('user_id')
          .where('organization_id', '=', account.organization_id)
          .where('user_id', '=', other)
          .executeTakeFirst();
        if (!member) return false;
      }
      return true;
    },
  };
}
