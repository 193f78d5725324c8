import type { OptionalProfileField, Visibility } from '@carillon/protocol/profiles';

/** New accounts share nothing optional until the person chooses to. */
export const defaultVisibility: Record<OptionalProfileField, Visibility> = {
  realName: 'only_me',
  gender: 'only_me',
  birthday: 'only_me',
  workRegion: 'only_me',
  enterpriseEmail: 'only_me',
};
