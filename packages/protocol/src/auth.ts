import { z } from 'zod';
import { DeviceInfo, Id, Password, Timestamp } from './common';
import { PolicyStatus } from './privacy';

/** Phone numbers are accepted as typed and normalized to E.164 by the server. */
export const PhoneInput = z.string().trim().min(3).max(32);
export const EmailInput = z.email().max(254).toLowerCase();

/** Where a one-time code goes: exactly one of phone or e-mail. */

export const CodePurpose = z.enum(['register', 'reset_password', 'unfreeze', 'rights_request']);
export type CodePurpose = z.infer<typeof CodePurpose>;

export const RequestCodeBody = z
  .object({
    purpose: CodePurpose,
    phone: PhoneInput.optional(),
    email: EmailInput.optional(),
  })
  .strict()
  .refine((b) => (b.phone === undefined) !== (b.email === undefined), {
    message: 'Give exactly one of phone or email.',
  });
export type RequestCodeBody = z.infer<typeof RequestCodeBody>;

export const RequestCodeResult = z.object({
  sentTo: z.string().describe('The destination, masked.'),
  expiresAt: Timestamp,
  resendAfter: Timestamp,
});

export const OneTimeCode = z.string().regex(/^\d{6}$/, 'A code is six digits.');

const identity = {
  phone: PhoneInput.optional(),
  email: EmailInput.optional(),
};
const exactlyOneIdentity = (b: { phone?: string; email?: string }) =>
  (b.phone === undefined) !== (b.email === undefined);
const identityMessage = { message: 'Give exactly one of phone or email.' };

export const RegisterBody = z
  .object({
    ...identity,
    code: OneTimeCode,
    password: Password,
    nickname: z.string().trim().min(1).max(40),
    device: DeviceInfo,
    acceptPolicyVersion: z
      .number()
      .int()
      .positive()
      .describe(
        'The current privacy-policy version (GET /api/policies), which the person accepts.',
      ),
    birthYear: z
      .number()
      .int()
      .min(1900)
      .describe("Checked against the edition's age rule, then forgotten; never stored."),
  })
  .strict()
  .refine(exactlyOneIdentity, identityMessage);
export type RegisterBody = z.infer<typeof RegisterBody>;

/** Signing in to a personal account: phone number or e-mail, and password. */
export const PersonalLoginBody = z
  .object({ ...identity, password: Password, device: DeviceInfo })
  .strict()
  .refine(exactlyOneIdentity, identityMessage);
export type PersonalLoginBody = z.infer<typeof PersonalLoginBody>;

/** An enterprise account's name inside its organization (ORG-3); case is ignored at sign-in. */
export const AccountName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/, 'Letters, digits, ".", "_" and "-"; 2 to 40.');

/** The short code an organization's enterprise accounts sign in with. */
export const OrganizationCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{6,16}$/, 'An organization code is 6 to 16 letters and digits.');

/** Signing in to an enterprise account: organization code, account name and password (ORG-3). */
export const EnterpriseLoginBody = z
  .object({
    organizationCode: OrganizationCode,
    accountName: AccountName,
    password: Password,
    device: DeviceInfo,
  })
  .strict();
export type EnterpriseLoginBody = z.infer<typeof EnterpriseLoginBody>;

/** Either kind of sign-in. */
export const LoginBody = z.union([PersonalLoginBody, EnterpriseLoginBody]);
export type LoginBody = z.infer<typeof LoginBody>;

/** What a successful register or log-in returns. */
export const SessionGrant = z.object({
  userId: Id,
  sessionId: Id,
  deviceId: Id,
  token: z.string().describe('Bearer token for API clients; browsers use the cookie instead.'),
  csrfToken: z.string().describe('Send as X-CSRF-Token on unsafe requests made with the cookie.'),
  expiresAt: Timestamp,
});
export type SessionGrant = z.infer<typeof SessionGrant>;

export const ResetPasswordBody = z
  .object({ ...identity, code: OneTimeCode, newPassword: Password })
  .strict()
  .refine(exactlyOneIdentity, identityMessage);

export const ChangePasswordBody = z
  .object({ currentPassword: Password, newPassword: Password })
  .strict();

export const FreezeBody = z.object({ password: Password }).strict();

export const UnfreezeBody = z
  .object({ ...identity, password: Password, code: OneTimeCode })
  .strict()
  .refine(exactlyOneIdentity, identityMessage);

/** The signed-in account as its owner sees it. */
export const Account = z.object({
  id: Id,
  phone: z.string().nullable(),
  email: z.string().nullable(),
  createdAt: Timestamp,
  passwordChangedAt: Timestamp,
  /** The policy notice flag: show the badge and pop-up when `reconsentRequired` (PRIV-3). */
  policy: PolicyStatus,
});

export const SecurityNotice = z.object({
  id: Id,
  kind: z.enum([
    'new_device',
    'password_changed',
    'account_frozen',
    'account_unfrozen',
    'cancellation_withdrawn',
  ]),
  detail: z.record(z.string(), z.string()),
  createdAt: Timestamp,
});
export const SecurityNoticeList = z.object({ notices: z.array(SecurityNotice) });
