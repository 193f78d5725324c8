import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { AppGate, OrgAppId } from '../../platform/organization-hooks';

/**
 * The built-in functions an organization can turn off (ORG-7). Every entry
 * exists and is enforced where the `what` says; functions still to come get
 * an entry when they do. Third-party and self-built apps are not built yet.
 */
export const appCatalogue: { id: OrgAppId; name: string; what: string }[] = [
  {
    id: 'group_chats',
    name: 'Group chats',
    what: "Off: the organization's enterprise accounts cannot create group chats.",
  },
  {
    id: 'file_sharing',
    name: 'File sharing',
    what: "Off: the organization's enterprise accounts cannot upload files.",
  },
  {
    id: 'directory_search',
    name: 'Directory search',
    what: "Off: searching the organization's directory (`q`) is refused; browsing still works.",
  },
  {
    id: 'colleague_chats',
    name: 'Colleague chats',
    what: 'Off: members cannot start one-to-one chats as colleagues, and colleague chats take no new messages; their history stays readable.',
  },
];

/** Which built-in functions each organization turned off; absent means on. */
export class OrgAppsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async disabled(organizationId: string): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('organization_disabled_apps')
      .select('app')
      .where('organization_id', '=', organizationId)
      .execute();
    return new Set(rows.map((r) => r.app));
  }

  async isDisabled(organizationId: string, app: OrgAppId): Promise<boolean> {
    const row = await this.db
      .selectFrom('organization_disabled_apps')
      .select('app')
      .where('organization_id', '=', organizationId)
      .where('app', '=', app)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The organization of an enterprise account, or undefined for a personal account. */
  async homeOrganization(userId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('enterprise_accounts')
      .select('organization_id')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.organization_id;
  }

  /** Turns an app on or off; setting the state it has changes nothing. */
  async set(organizationId: string, app: OrgAppId, enabled: boolean, at: number): Promise<void> {
    if (enabled) {
      await this.db
        .deleteFrom('organization_disabled_apps')
        .where('organization_id', '=', organizationId)
        .where('app', '=', app)
        .execute();
      return;
    }
    await this.db
      .insertInto('organization_disabled_apps')
      .values({ organization_id: organizationId, app, disabled_at: at })
      .onConflict((oc) => oc.columns(['organization_id', 'app']).doNothing())
      .execute();
  }
}

const refuse = (app: OrgAppId) =>
  new AppError(
    'feature_disabled',
    `Your organization has turned off ${appCatalogue.find((a) => a.id === app)!.name.toLowerCase()}.`,
    { app },
  );

/** The one place features ask whether an organization has a function on (ORG-7). */
export function orgAppGate(apps: OrgAppsRepository): AppGate {
  return {
    async requireEnabled(organizationId, app) {
      if (await apps.isDisabled(organizationId, app)) throw refuse(app);
    },
    async requireEnabledFor(userId, app) {
      const organizationId = await apps.homeOrganization(userId);
      if (organizationId && (await apps.isDisabled(organizationId, app))) throw refuse(app);
    },
  };
}
