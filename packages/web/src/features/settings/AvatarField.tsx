import { OwnProfile } from '@carillon/protocol/profiles';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { ErrorMessage } from '../../ui/ErrorMessage';

/** The avatar (its URL carries a version, so a new picture shows at once): shown, replaced by an uploaded image (the server strips metadata), or removed. */
export function AvatarField({
  profile,
  onChanged,
}: {
  profile: OwnProfile;
  onChanged: (profile: OwnProfile) => void;
}) {
  const { t } = useTranslation();
  const { api } = useServices();
  const [error, setError] = useState<unknown>(null);

  const handleFile = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    try {
      onChanged(await api.put('/api/profile/avatar', { raw: file, schema: OwnProfile }));
    } catch (failure) {
      setError(failure);
    }
  };
  const handleRemove = async () => {
    setError(null);
    try {
      await api.delete('/api/profile/avatar');
      onChanged({ ...profile, avatarUrl: null });
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <div className="stack">
      {profile.avatarUrl ? (
        <img
          className="avatar"
          src={api.url(profile.avatarUrl)}
          alt={t('settings.avatarAlt')}
          width={96}
          height={96}
        />
      ) : (
        <p className="hint">{t('settings.noAvatar')}</p>
      )}
      <div className="field">
        <label htmlFor="avatar-file">{t('settings.avatarUpload')}</label>
        <input
          id="avatar-file"
          type="file"
          accept="image/jpeg,image/png,image/webp,image/gif,image/avif,image/heif"
          onChange={(event) => void handleFile(event.target.files?.[0])}
        />
      </div>
      {profile.avatarUrl ? (
        <button type="button" className="secondary" onClick={() => void handleRemove()}>
          {t('settings.avatarRemove')}
        </button>
      ) : null}
      <ErrorMessage error={error} />
    </div>
  );
}
