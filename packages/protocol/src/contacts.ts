import { z } from 'zod';
import { Id, Timestamp } from './common';
import { PublicProfile } from './profiles';

/**
 * The answer to every friend request, whether or not the person exists, may
 * be found, or blocked the sender: the same body, so nobody can probe who is
 * registered (MSG-6).
 */
export const RequestSent = z.object({ status: z.literal('sent') });
export type RequestSent = z.infer<typeof RequestSent>;

/** Send a friend request to exactly one phone number or e-mail address. */
export const SendRequestBody = z.union([
  z.object({ phone: z.string().trim().min(3).max(32) }).strict(),
  z.object({ email: z.email().max(254) }).strict(),
]);
export type SendRequestBody = z.infer<typeof SendRequestBody>;

/** A signed contact token (QR code or e-card); opaque to clients. */
export const ContactToken = z.string().min(10).max(200);

/** Redeem a scanned QR token. */
export const RedeemQrBody = z.object({ token: ContactToken }).strict();

/** A card token in the path. */
export const CardParams = z.object({ token: ContactToken });

/** A freshly issued, short-lived QR token and the link the QR code encodes. */
export const QrGrant = z.object({
  token: z.string(),
  url: z.string().describe('carillon://contacts/qr?token=…, what the QR image encodes'),
  expiresAt: Timestamp,
});
export type QrGrant = z.infer<typeof QrGrant>;

/** A shareable e-card: the owner's public profile and a token to send a request from. */
export const ECard = z.object({
  token: z.string(),
  url: z.string(),
  expiresAt: Timestamp,
  profile: PublicProfile,
});
export type ECard = z.infer<typeof ECard>;

/** A friend with what the caller may see of their profile. */
export const ContactView = z.object({ profile: PublicProfile, since: Timestamp });
/** The caller's friends. */
export const ContactList = z.object({ contacts: z.array(ContactView) });
export type ContactList = z.infer<typeof ContactList>;

/** A pending request, with the other person's profile as the caller may see it. */
export const RequestView = z.object({ id: Id, profile: PublicProfile, createdAt: Timestamp });
/** Requests waiting for the caller's answer, and those the caller sent. */
export const RequestLists = z.object({
  incoming: z.array(RequestView),
  outgoing: z.array(RequestView),
});
export type RequestLists = z.infer<typeof RequestLists>;

/** People the caller blocked. */
export const BlockedList = z.object({
  blocked: z.array(z.object({ userId: Id, nickname: z.string(), since: Timestamp })),
});
export type BlockedList = z.infer<typeof BlockedList>;

/** Who may find the caller by exact phone number or e-mail. Both are off until turned on. */
export const ContactSettings = z.object({
  discoverableBy: z.object({ phone: z.boolean(), email: z.boolean() }),
});
export type ContactSettings = z.infer<typeof ContactSettings>;

/** Change either switch. */
export const UpdateContactSettingsBody = z
  .object({
    discoverableBy: z
      .object({ phone: z.boolean().optional(), email: z.boolean().optional() })
      .strict(),
  })
  .strict();
export type UpdateContactSettingsBody = z.infer<typeof UpdateContactSettingsBody>;

/** Address-book numbers to match; used for this answer only and never stored. */
export const MatchBody = z
  .object({ phones: z.array(z.string().trim().min(3).max(32)).min(1).max(1000) })
  .strict();
export type MatchBody = z.infer<typeof MatchBody>;

/** Accounts found for the given numbers, each with the number as the caller sent it. */
export const MatchResult = z.object({
  matches: z.array(z.object({ phone: z.string(), profile: PublicProfile })),
});
export type MatchResult = z.infer<typeof MatchResult>;
