import type { RequestLists } from '@carillon/protocol/contacts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { formatDateTime } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';

/** Requests to answer (accept, decline) and requests sent (withdraw). */
export function RequestsList({
  requests,
  onChanged,
}: {
  requests: RequestLists;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { api } = useServices();
  const [error, setError] = useState<unknown>(null);
  const act = async (call: Promise<unknown>) => {
    setError(null);
    await call.catch(setError);
    await onChanged();
  };
  const base = '/api/contacts/requests';
  return (
    <section aria-labelledby="requests-title">
      <h2 id="requests-title">{t('contacts.requests')}</h2>
      <ErrorMessage error={error} />
      {requests.incoming.length === 0 && requests.outgoing.length === 0 ? (
        <p className="hint">{t('contacts.noRequests')}</p>
      ) : null}
      <ul className="people-list" aria-label={t('contacts.incoming')}>
        {requests.incoming.map((r) => (
          <li key={r.id}>
            <span className="person-name">{r.profile.nickname}</span>
            <span className="hint">{formatDateTime(r.createdAt, locale)}</span>
            <button
              type="button"
              onClick={() => void act(api.post(`${base}/${r.id}/accept`))}
              aria-label={t('contacts.accept', { name: r.profile.nickname })}
            >
              {t('contacts.acceptShort')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => void act(api.post(`${base}/${r.id}/decline`))}
              aria-label={t('contacts.decline', { name: r.profile.nickname })}
            >
              {t('contacts.declineShort')}
            </button>
          </li>
        ))}
      </ul>
      <ul className="people-list" aria-label={t('contacts.outgoing')}>
        {requests.outgoing.map((r) => (
          <li key={r.id}>
            <span className="person-name">{r.profile.nickname}</span>
            <span className="hint">{t('contacts.waiting')}</span>
            <button
              type="button"
              className="secondary"
              onClick={() => void act(api.delete(`${base}/${r.id}`))}
              aria-label={t('contacts.withdraw', { name: r.profile.nickname })}
            >
              {t('contacts.withdrawShort')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
