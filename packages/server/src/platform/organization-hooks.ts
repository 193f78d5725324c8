/**
 * What organization administration (features/organizations, ADR 0013) asks
 * other features to call, as interfaces so those features do not depend on
 * it: the security log (ORG-9) and the app switch (ORG-7).
 */

/** Security-relevant things a person does, recorded for their organizations' administrators. */
export type SecurityEventKind = 'login' | 'logout' | 'new_device' | 'file_download';

/** Records security events in the security log of every organization the person belongs to. */
export interface SecurityEvents {
  record(userId: string, kind: SecurityEventKind, detail: Record<string, string>): Promise<void>;
}

/** Built-in functions an organization can turn off. */
export type OrgAppId = 'group_chats' | 'file_sharing' | 'directory_search' | 'colleague_chats';

/**
 * The one check every organization-scoped call of a switchable function
 * makes: throws `feature_disabled` (403) when the organization turned it off.
 */
export interface AppGate {
  /** For calls inside one organization (its directory, its groups). */
  requireEnabled(organizationId: string, app: OrgAppId): Promise<void>;
  /**
   * For calls made with an enterprise account, which are all its
   * organization's (ORG-3): checks that organization; personal accounts pass.
   */
  requireEnabledFor(userId: string, app: OrgAppId): Promise<void>;
}

/**
 * Whether two people may become friends as far as organizations go. An
 * enterprise account belongs to its organization (ORG-3, ADR 0013), so its
 * friends are its organization's members only.
 */
export interface FriendBoundary {
  mayBefriend(a: string, b: string): Promise<boolean>;
}
