import { CertificationList, type Certification } from '@carillon/protocol/organizations';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { CertificationItem } from './CertificationItem';
import { useOperator } from './operator-session';

const statuses = ['pending', 'approved', 'rejected'] as const;

/** Organization certification review (ORG-1): the requests in one state, oldest first. */
export function CertificationsPanel() {
  const { t } = useTranslation();
  const { api } = useOperator();
  const [status, setStatus] = useState<(typeof statuses)[number]>('pending');
  const [certifications, setCertifications] = useState<Certification[] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    try {
      const list = await api.get('/api/operator/organization-certifications', {
        query: { status },
        schema: CertificationList,
      });
      setCertifications(list.certifications);
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  }, [api, status]);
  useEffect(() => {
    void load();
  }, [load]);

  const handleDecided = (decided: Certification) => {
    setCertifications((list) => list?.filter((c) => c.id !== decided.id) ?? null);
    setDone(t(`operator.certs.decided.${decided.status}`, { name: decided.organizationName }));
  };

  return (
    <section aria-labelledby="certs-title" className="stack">
      <h1 id="certs-title">{t('operator.certs.title')}</h1>
      <p className="hint">{t('operator.certs.hint')}</p>
      <div className="field">
        <label htmlFor="certs-status">{t('operator.certs.show')}</label>
        <select
          id="certs-status"
          value={status}
          onChange={(event) => {
            setDone(null);
            setStatus(event.target.value as (typeof statuses)[number]);
          }}
        >
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t(`operator.certs.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <ErrorMessage error={error} />
      {done ? <p role="status">{done}</p> : null}
      {certifications?.length === 0 ? <p className="hint">{t('operator.certs.empty')}</p> : null}
      {certifications && certifications.length > 0 ? (
        <ul className="card-list" aria-label={t('operator.certs.title')}>
          {certifications.map((certification) => (
            <CertificationItem
              key={certification.id}
              certification={certification}
              onDecided={handleDecided}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
