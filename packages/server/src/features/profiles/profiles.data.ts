import type { FeatureManifest, PersonalColumn } from '../../privacy/manifest';

const profileField = (category: string): PersonalColumn => ({
  category,
  purposes: ['essential.service'],
  legalBasis: 'contract',
  erase: 'delete',
});

/** The profile: nickname and avatar (public), optional fields with their visibility. */
export const profilesManifest: FeatureManifest = {
  feature: 'profiles',
  tables: [
    {
      table: 'profiles',
      description: 'Nickname, avatar and the optional fields a person chose to fill in.',
      subjectColumn: 'user_id',
      controller: 'personal',
      retention: { kind: 'account_lifetime' },
      columns: {
        user_id: profileField('user.unique_id'),
        nickname: profileField('user.name'),
        avatar_hash: profileField('user.content.self_image'),
        real_name: profileField('user.name'),
        gender: profileField('user.demographic.gender'),
        birthday: profileField('user.demographic.date_of_birth'),
        work_region: profileField('user.location.imprecise'),
        enterprise_email: profileField('user.contact.email'),
        visibility: profileField('user.privacy_preferences'),
        updated_at: { notPersonal: 'timestamp' },
      },
    },
  ],
};
