import { z } from 'zod';
import { AccessPurpose } from './audit';
import { AccountName, OrganizationCode } from './auth';
import { Id, Password, Timestamp } from './common';

/** The organization code enterprise accounts sign in with; stable once given out (ORG-3). */
export const OrganizationCodeResult = z.object({ code: OrganizationCode });

/** An administrator creates an account for a member; it joins the organization at once. */
export const CreateEnterpriseAccountBody = z
  .object({
    accountName: AccountName,
    /** The member's name in the organization, and their nickname. */
    name: z.string().trim().min(1).max(40),
    password: Password,
    /** Where the member is placed; a sub-administrator of a subtree must name one inside it. */
    departmentIds: z.array(Id).max(20).default([]),
  })
  .strict();
export type CreateEnterpriseAccountBody = z.infer<typeof CreateEnterpriseAccountBody>;

/** An enterprise account as its organization's administrators see it. */
export const EnterpriseAccount = z.object({
  userId: Id,
  organizationId: Id,
  accountName: z.string(),
  name: z.string(),
  createdAt: Timestamp,
  disabledAt: Timestamp.nullable(),
});
export type EnterpriseAccount = z.infer<typeof EnterpriseAccount>;

export const EnterpriseAccountList = z.object({ accounts: z.array(EnterpriseAccount) });
export const EnterpriseAccountParams = z.object({ id: Id, userId: Id });

/** A new password set by an administrator; the account's sessions end. */
export const ResetEnterprisePasswordBody = z.object({ password: Password }).strict();

/** Deleting an enterprise account for good needs the administrator's own password again. */
export const EraseEnterpriseAccountBody = z.object({ password: Password }).strict();

/** Reading a member's personal data needs a stated purpose, audited and shown to them. */
export const PurposeQuery = z.object({ purpose: AccessPurpose });

/** An enterprise account with its signed-in devices: personal data, read with a purpose. */
export const EnterpriseAccountDetail = EnterpriseAccount.extend({
  sessions: z.array(
    z.object({
      device: z.object({ name: z.string(), platform: z.string() }),
      createdAt: Timestamp,
      lastSeenAt: Timestamp,
      ipRegion: z.string().nullable(),
    }),
  ),
});

/** The built-in functions an organization can turn off (ORG-7); each exists today. */
export const OrgAppId = z.enum([
  'group_chats',
  'file_sharing',
  'directory_search',
  'colleague_chats',
]);
export type OrgAppId = z.infer<typeof OrgAppId>;

/** One entry of the app catalogue, with whether the organization has it on. */
export const OrgApp = z.object({
  id: OrgAppId,
  name: z.string(),
  description: z.string().describe('What turning it off refuses.'),
  enabled: z.boolean(),
});
export const OrgAppList = z.object({ apps: z.array(OrgApp) });
export const OrgAppParams = z.object({ id: Id, app: OrgAppId });
export const SetOrgAppBody = z.object({ enabled: z.boolean() }).strict();

/** What the security log records (ORG-9). */
export const SecurityLogKind = z.enum([
  'login',
  'logout',
  'new_device',
  'file_download',
  'admin_action',
]);
export type SecurityLogKind = z.infer<typeof SecurityLogKind>;

/** Filters and keyset paging (newest first) over an organization's security log. */
export const SecurityLogQuery = z.object({
  purpose: AccessPurpose,
  memberId: Id.optional(),
  kind: SecurityLogKind.optional(),
  before: Id.optional().describe('The `nextBefore` of the previous page.'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const SecurityLogEntry = z.object({
  id: Id,
  userId: Id,
  kind: SecurityLogKind,
  detail: z.record(z.string(), z.string()),
  createdAt: Timestamp,
});
export const SecurityLogPage = z.object({
  entries: z.array(SecurityLogEntry),
  nextBefore: Id.nullable(),
});

/** How long the security log is kept, in days. */
export const SecuritySettings = z.object({ securityLogDays: z.number().int().min(1).max(3650) });
export const UpdateSecuritySettingsBody = SecuritySettings.strict();
