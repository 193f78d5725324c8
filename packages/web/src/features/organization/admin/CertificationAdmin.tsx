import { Certification, type Organization } from '@carillon/protocol/organizations';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error';
import { useServices } from '../../../app/services';
import { formatDateTime } from '../../../i18n/format';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { TextField } from '../../../ui/TextField';

/**
 * Certification (main administrator): the newest request and its outcome,
 * and the form to submit business details for an operator's review.
 */
export function CertificationAdmin({ organization }: { organization: Organization }) {
  const { t, i18n } = useTranslation();
  const { api } = useServices();
  const [latest, setLatest] = useState<Certification | null>(null);
  const [draft, setDraft] = useState({
    legalName: '',
    registrationNumber: '',
    legalRepresentative: '',
  });
  const [error, setError] = useState<unknown>(null);
  const path = `/api/organizations/${organization.id}/certification`;
  useEffect(() => {
    api.get(path, { schema: Certification }).then(setLatest, (failure: unknown) => {
      // 404: nothing submitted yet, the form is what to show.
      if (!(failure instanceof ApiError && failure.status === 404)) setError(failure);
    });
  }, [api, path]);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      setLatest(await api.post(path, { body: { ...draft, documents: [] }, schema: Certification }));
    } catch (failure) {
      setError(failure);
    }
  };
  const canSubmit = !organization.certified && latest?.status !== 'pending';

  return (
    <section aria-labelledby="certification-admin" className="stack">
      <h2 id="certification-admin">{t('org.certification')}</h2>
      {latest ? (
        <p role="status">
          {t(`org.certificationStatus.${latest.status}`, {
            when: formatDateTime(latest.submittedAt, i18n.language),
          })}
          {latest.reason ? ` ${t('org.certificationReason', { reason: latest.reason })}` : ''}
        </p>
      ) : (
        <p className="hint">{t('org.certificationNone')}</p>
      )}
      {canSubmit ? (
        <form onSubmit={(event) => void handleSubmit(event)} className="stack">
          <TextField
            label={t('org.legalName')}
            required
            maxLength={200}
            value={draft.legalName}
            onChange={(event) => setDraft({ ...draft, legalName: event.target.value })}
          />
          <TextField
            label={t('org.registrationNumber')}
            required
            minLength={4}
            maxLength={64}
            value={draft.registrationNumber}
            onChange={(event) => setDraft({ ...draft, registrationNumber: event.target.value })}
          />
          <TextField
            label={t('org.legalRepresentative')}
            required
            maxLength={80}
            value={draft.legalRepresentative}
            onChange={(event) => setDraft({ ...draft, legalRepresentative: event.target.value })}
          />
          <button type="submit">{t('org.submitCertification')}</button>
        </form>
      ) : null}
      <ErrorMessage error={error} />
    </section>
  );
}
