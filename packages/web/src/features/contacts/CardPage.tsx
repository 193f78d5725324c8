import { RequestSent } from '@carillon/protocol/contacts';
import { PublicProfile } from '@carillon/protocol/profiles';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useServices } from '../../app/services';
import { ErrorMessage } from '../../ui/ErrorMessage';

const shownFields = ['realName', 'workRegion', 'enterpriseEmail'] as const;

/** `/contacts/card?token=…`: someone's e-card, with a button that sends them a friend request. */
export function CardPage() {
  const { t } = useTranslation();
  const { api } = useServices();
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const [profile, setProfile] = useState<PublicProfile | null>(null);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const path = `/api/contacts/cards/${encodeURIComponent(token)}`;
  useEffect(() => {
    api.get(path, { schema: PublicProfile }).then(setProfile, setError);
  }, [api, path]);

  const handleRequest = async () => {
    setError(null);
    try {
      await api.post(`${path}/request`, { schema: RequestSent });
      setSent(true);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section className="page stack" aria-labelledby="card-title">
      <h1 id="card-title">{profile ? profile.nickname : t('contactsMore.ecard')}</h1>
      <ErrorMessage error={error} />
      {profile ? (
        <>
          <dl className="card-fields">
            {shownFields.map((field) =>
              profile[field] ? (
                <div key={field}>
                  <dt>{t(`settings.field.${field}`)}</dt>
                  <dd>{profile[field]}</dd>
                </div>
              ) : null,
            )}
          </dl>
          {sent ? (
            <p role="status">{t('contacts.requestSent')}</p>
          ) : (
            <button type="button" onClick={() => void handleRequest()}>
              {t('contacts.sendRequest')}
            </button>
          )}
        </>
      ) : null}
      <Link to="/contacts">{t('contactsMore.backToContacts')}</Link>
    </section>
  );
}
