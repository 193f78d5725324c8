import { ApplicationList } from '@carillon/protocol/organizations';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useServices } from '../../../app/services';
import { formatDateTime } from '../../../i18n/format';
import { useFormatLocale } from '../../../i18n/use-format-locale';
import { ErrorMessage } from '../../../ui/ErrorMessage';

type Application = z.infer<typeof ApplicationList>['applications'][number];

/** The queue of people who applied to join: approve or decline each. */
export function ApplicationsAdmin({
  organizationId,
  onChanged,
}: {
  organizationId: string;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { api } = useServices();
  const [applications, setApplications] = useState<Application[]>([]);
  const [error, setError] = useState<unknown>(null);
  const base = `/api/organizations/${organizationId}/applications`;
  const load = useCallback(async () => {
    try {
      const list = await api.get(base, { schema: ApplicationList });
      setApplications(list.applications.filter((a) => a.status === 'pending'));
    } catch (failure) {
      setError(failure);
    }
  }, [api, base]);
  useEffect(() => {
    void load();
  }, [load]);

  const decide = async (id: string, decision: 'approve' | 'decline') => {
    setError(null);
    await api.post(`${base}/${id}/${decision}`).catch(setError);
    await load();
    await onChanged();
  };

  return (
    <section aria-labelledby="applications-admin">
      <h2 id="applications-admin">{t('org.applications')}</h2>
      <ErrorMessage error={error} />
      {applications.length === 0 ? <p className="hint">{t('org.noApplications')}</p> : null}
      <ul className="people-list" aria-label={t('org.applications')}>
        {applications.map((a) => (
          <li key={a.id}>
            <span className="person-name">{a.nickname}</span>
            <span className="hint">
              {a.message ? `“${a.message}” · ` : ''}
              {formatDateTime(a.createdAt, locale)}
            </span>
            <button
              type="button"
              aria-label={t('org.approveApplication', { name: a.nickname })}
              onClick={() => void decide(a.id, 'approve')}
            >
              {t('org.approve')}
            </button>
            <button
              type="button"
              className="secondary"
              aria-label={t('org.declineApplication', { name: a.nickname })}
              onClick={() => void decide(a.id, 'decline')}
            >
              {t('org.decline')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
