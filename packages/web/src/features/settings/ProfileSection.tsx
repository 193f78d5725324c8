import {
  OwnProfile,
  optionalProfileFields,
  type OptionalProfileField,
  type Visibility,
} from '@carillon/protocol/profiles';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/TextField';
import { AvatarField } from './AvatarField';

type Draft = { nickname: string } & Record<OptionalProfileField, string>;

const visibilities: Visibility[] = ['public', 'contacts', 'only_me'];
const inputType: Record<OptionalProfileField, string> = {
  realName: 'text',
  gender: 'select',
  birthday: 'date',
  workRegion: 'text',
  enterpriseEmail: 'email',
};

function draftOf(profile: OwnProfile): Draft {
  const draft = { nickname: profile.nickname } as Draft;
  for (const field of optionalProfileFields) draft[field] = profile[field] ?? '';
  return draft;
}

/**
 * My profile: nickname and avatar (always public) and the optional fields,
 * each with who may see it (only me by default). An emptied field is cleared.
 */
export function ProfileSection() {
  const { t } = useTranslation();
  const { api } = useServices();
  const [profile, setProfile] = useState<OwnProfile | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [visibility, setVisibility] = useState<Partial<OwnProfile['visibility']>>({});
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const show = (next: OwnProfile) => {
    setProfile(next);
    setDraft(draftOf(next));
    setVisibility(next.visibility);
  };
  useEffect(() => {
    api.get('/api/profile', { schema: OwnProfile }).then(show, setError);
  }, [api]);

  const handleSave = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    setError(null);
    setSaved(false);
    const body: Record<string, unknown> = { nickname: draft.nickname, visibility };
    for (const field of optionalProfileFields) body[field] = draft[field].trim() || null;
    try {
      show(await api.patch('/api/profile', { body, schema: OwnProfile }));
      setSaved(true);
    } catch (failure) {
      setError(failure);
    }
  };

  if (!profile || !draft) return <ErrorMessage error={error} />;
  return (
    <form
      onSubmit={(event) => void handleSave(event)}
      className="stack"
      aria-labelledby="profile-title"
    >
      <h2 id="profile-title">{t('settings.profile')}</h2>
      <AvatarField profile={profile} onChanged={show} />
      <TextField
        label={t('settings.nickname')}
        hint={t('settings.alwaysPublic')}
        required
        maxLength={40}
        value={draft.nickname}
        onChange={(event) => setDraft({ ...draft, nickname: event.target.value })}
      />
      {optionalProfileFields.map((field) => (
        <fieldset key={field} className="profile-field">
          <legend>{t(`settings.field.${field}`)}</legend>
          {inputType[field] === 'select' ? (
            <div className="field">
              <label htmlFor={`profile-${field}`}>{t(`settings.field.${field}`)}</label>
              <select
                id={`profile-${field}`}
                value={draft[field]}
                onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
              >
                <option value="">{t('settings.notSet')}</option>
                {(['female', 'male', 'other', 'undisclosed'] as const).map((gender) => (
                  <option key={gender} value={gender}>
                    {t(`settings.gender.${gender}`)}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <TextField
              label={t(`settings.field.${field}`)}
              type={inputType[field]}
              value={draft[field]}
              onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
            />
          )}
          <div className="field">
            <label htmlFor={`visibility-${field}`}>
              {t('settings.visibleTo', { field: t(`settings.field.${field}`) })}
            </label>
            <select
              id={`visibility-${field}`}
              value={visibility[field] ?? 'only_me'}
              onChange={(event) =>
                setVisibility({ ...visibility, [field]: event.target.value as Visibility })
              }
            >
              {visibilities.map((value) => (
                <option key={value} value={value}>
                  {t(`settings.visibility.${value}`)}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
      ))}
      <ErrorMessage error={error} />
      {saved ? <p role="status">{t('settings.saved')}</p> : null}
      <button type="submit">{t('settings.saveProfile')}</button>
    </form>
  );
}
