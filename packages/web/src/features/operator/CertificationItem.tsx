import { Certification } from '@carillon/protocol/organizations';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/TextField';
import { CertificationDocumentLinks } from './CertificationDocumentLinks';
import { useOperator } from './operator-session';

/**
 * One certification request: the business details and documents, and approve
 * or reject with a reason.
 */
export function CertificationItem({
  certification,
  onDecided,
}: {
  certification: Certification;
  onDecided: (decided: Certification) => void;
}) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { api } = useOperator();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const path = `/api/operator/organization-certifications/${certification.id}`;
  const name = certification.organizationName;

  const decide = async (call: () => Promise<Certification>) => {
    setError(null);
    try {
      onDecided(await call());
    } catch (failure) {
      setError(failure);
    }
  };
  const handleReject = (event: FormEvent) => {
    event.preventDefault();
    void decide(() => api.post(`${path}/reject`, { body: { reason }, schema: Certification }));
  };
  const rows: Array<[string, string]> = [
    [t('org.legalName'), certification.legalName],
    [t('org.registrationNumber'), certification.registrationNumber],
    [t('org.legalRepresentative'), certification.legalRepresentative],
    [t('operator.certs.submitted'), formatDateTime(certification.submittedAt, locale)],
  ];

  return (
    <li className="card" aria-label={name}>
      <h3>{name}</h3>
      <dl className="card-fields">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h4>{t('operator.certs.documents')}</h4>
      <CertificationDocumentLinks certification={certification} />
      {certification.reason ? (
        <p>{t('org.certificationReason', { reason: certification.reason })}</p>
      ) : null}
      {certification.status === 'pending' ? (
        <>
          <button
            type="button"
            aria-label={t('operator.certs.approveName', { name })}
            onClick={() =>
              void decide(() => api.post(`${path}/approve`, { schema: Certification }))
            }
          >
            {t('operator.certs.approve')}
          </button>
          <form onSubmit={handleReject} className="stack">
            <TextField
              label={t('operator.certs.reason', { name })}
              required
              minLength={3}
              maxLength={500}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
            <button type="submit" className="secondary">
              {t('operator.certs.reject')}
            </button>
          </form>
        </>
      ) : null}
      <ErrorMessage error={error} />
    </li>
  );
}
