import type { FeatureManifest, PersonalColumn } from '../../privacy/manifest';

const profileField = (category: string): PersonalColumn => ({
  category,
  purposes: ['essential.service'],
  legalBasis: 'contract',
  erase: 'delete',
});

/** An optional field: stored encrypted under the owner's vault key, erased by shredding it. */
const sealedField = (category: string): PersonalColumn => ({
  ...profileField(category),
  erase: 'shred',
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
        avatar_hash: { ...profileField('user.content.self_image'), file: true },
        real_name: sealedField('user.name'),
        gender: sealedField('user.demographic.gender'),
        birthday: sealedField('user.demographic.date_of_birth'),
        work_region: sealedField('user.location.imprecise'),
        enterprise_email: sealedField('user.contact.email'),
        visibility: { ...profileField('user.privacy_preferences'), erasedValue: '{}' },
        updated_at: { notPersonal: 'timestamp' },
      },
    },
  ],
};
