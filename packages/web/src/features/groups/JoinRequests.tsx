import { JoinRequestList, type JoinRequest } from '@carillon/protocol/messaging';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { formatDateTime } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useServicesProfiles } from '../people/use-profile';

/** Requests to join (when join approval is on): approve or decline each. */
export function JoinRequests({
  groupId,
  onChanged,
}: {
  groupId: string;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { api } = useServices();
  const profiles = useServicesProfiles();
  const [requests, setRequests] = useState<JoinRequest[]>([]);
  const [error, setError] = useState<unknown>(null);
  const base = `/api/conversations/${groupId}/join-requests`;

  const load = useCallback(async () => {
    try {
      setRequests((await api.get(base, { schema: JoinRequestList })).requests);
    } catch (failure) {
      setError(failure);
    }
  }, [api, base]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (call: Promise<unknown>) => {
    setError(null);
    await call.catch(setError);
    await load();
    await onChanged();
  };

  return (
    <section aria-labelledby="join-requests-title">
      <h2 id="join-requests-title">{t('groups.requests')}</h2>
      <ErrorMessage error={error} />
      {requests.length === 0 ? <p className="hint">{t('groups.noRequests')}</p> : null}
      <ul className="people-list" aria-label={t('groups.requests')}>
        {requests.map((request) => {
          const name = profiles.get(request.userId)?.nickname ?? t('people.someone');
          return (
            <li key={request.userId}>
              <span className="person-name">{name}</span>
              <span className="hint">{formatDateTime(request.requestedAt, locale)}</span>
              <button
                type="button"
                aria-label={t('groups.approve', { name })}
                onClick={() => void act(api.post(`${base}/${request.userId}/approve`))}
              >
                {t('groups.approveShort')}
              </button>
              <button
                type="button"
                className="secondary"
                aria-label={t('groups.decline', { name })}
                onClick={() => void act(api.delete(`${base}/${request.userId}`))}
              >
                {t('groups.declineShort')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
