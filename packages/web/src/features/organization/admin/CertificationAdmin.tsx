import { Certification, type Organization } from '@carillon/protocol/organizations';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error';
import { useServices } from '../../../app/services';
import { formatBytes, formatDateTime } from '../../../i18n/format';
import { useFormatLocale } from '../../../i18n/use-format-locale';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { TextField } from '../../../ui/TextField';
import { CertificationDocuments } from './CertificationDocuments';
import { useDocumentUploads } from './use-document-uploads';

/**
 * Certification (main administrator): the newest request, its documents and
 * its outcome, and the form to submit business details with documents for an
 * operator's review.
 */
export function CertificationAdmin({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { api } = useServices();
  const [latest, setLatest] = useState<Certification | null>(null);
  const [draft, setDraft] = useState({
    legalName: '',
    registrationNumber: '',
    legalRepresentative: '',
  });
  const uploads = useDocumentUploads();
  const [notReady, setNotReady] = useState(false);
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
    setNotReady(!uploads.ready);
    if (!uploads.ready) return;
    try {
      const body = { ...draft, documents: uploads.ids };
      setLatest(await api.post(path, { body, schema: Certification }));
      uploads.clear();
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
            when: formatDateTime(latest.submittedAt, locale),
          })}
          {latest.reason ? ` ${t('org.certificationReason', { reason: latest.reason })}` : ''}
        </p>
      ) : (
        <p className="hint">{t('org.certificationNone')}</p>
      )}
      {latest && latest.documentFiles.length > 0 ? (
        <ul className="file-list" aria-label={t('org.documentsSent')}>
          {latest.documentFiles.map((document) => (
            <li key={document.id}>
              <span className="file-name">{document.name}</span>
              <span className="hint">{formatBytes(document.size, locale)}</span>
            </li>
          ))}
        </ul>
      ) : null}
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
          <CertificationDocuments uploads={uploads} />
          {notReady && !uploads.ready ? (
            <p role="alert" className="error">
              {t('org.documentsNotReady')}
            </p>
          ) : null}
          <button type="submit">{t('org.submitCertification')}</button>
        </form>
      ) : null}
      <ErrorMessage error={error} />
    </section>
  );
}
