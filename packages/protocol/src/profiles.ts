import { z } from 'zod';
import { Id } from './common';

/** Who may see an optional profile field. */
export const Visibility = z.enum(['public', 'contacts', 'only_me']);
export type Visibility = z.infer<typeof Visibility>;

/** Optional fields, each with its own visibility (ACC-3, PRIV-19). */
export const optionalProfileFields = [
  'realName',
  'gender',
  'birthday',
  'workRegion',
  'enterpriseEmail',
] as const;
export type OptionalProfileField = (typeof optionalProfileFields)[number];

export const Gender = z.enum(['female', 'male', 'other', 'undisclosed']);
export const Birthday = z.iso.date();

const fieldSchemas = {
  realName: z.string().trim().min(1).max(80),
  gender: Gender,
  birthday: Birthday,
  workRegion: z.string().trim().min(1).max(80),
  enterpriseEmail: z.email().max(254),
};

/** The owner's own view: every field and its visibility. */
export const OwnProfile = z.object({
  userId: Id,
  nickname: z.string(),
  avatarUrl: z.string().nullable(),
  realName: z.string().nullable(),
  gender: Gender.nullable(),
  birthday: z.string().nullable(),
  workRegion: z.string().nullable(),
  enterpriseEmail: z.string().nullable(),
  visibility: z.record(z.enum(optionalProfileFields), Visibility),
});
export type OwnProfile = z.infer<typeof OwnProfile>;

/** Changes to the profile; `null` clears a field. */
export const UpdateProfileBody = z
  .object({
    nickname: z.string().trim().min(1).max(40).optional(),
    realName: fieldSchemas.realName.nullable().optional(),
    gender: fieldSchemas.gender.nullable().optional(),
    birthday: fieldSchemas.birthday.nullable().optional(),
    workRegion: fieldSchemas.workRegion.nullable().optional(),
    enterpriseEmail: fieldSchemas.enterpriseEmail.nullable().optional(),
    visibility: z.partialRecord(z.enum(optionalProfileFields), Visibility).optional(),
  })
  .strict();
export type UpdateProfileBody = z.infer<typeof UpdateProfileBody>;

/** What another person sees: nickname and avatar always, the rest as allowed. */
export const PublicProfile = z.object({
  userId: Id,
  nickname: z.string(),
  avatarUrl: z.string().nullable(),
  realName: z.string().optional(),
  gender: Gender.optional(),
  birthday: z.string().optional(),
  workRegion: z.string().optional(),
  enterpriseEmail: z.string().optional(),
});
export type PublicProfile = z.infer<typeof PublicProfile>;
