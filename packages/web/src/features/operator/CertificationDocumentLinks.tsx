import type { Certification } from '@carillon/protocol/organizations';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { DownloadButton } from '../../ui/DownloadButton';
import { useOperator } from './operator-session';
import { PurposeForm } from './PurposeForm';

/**
 * A request's documents. They can name people (the legal representative), so
 * they open only once the operator has said why: each one then downloads
 * through the audited route with that purpose.
 */
export function CertificationDocumentLinks({ certification }: { certification: Certification }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { api } = useOperator();
  const [purpose, setPurpose] = useState<string | null>(null);
  const documents = certification.documentFiles;
  if (documents.length === 0) return <p className="hint">{t('operator.certs.documentsNone')}</p>;
  const base = `/api/operator/organization-certifications/${certification.id}/documents`;

  return (
    <div className="stack">
      <ul className="file-list" aria-label={t('operator.certs.documents')}>
        {documents.map((document) => (
          <li key={document.id}>
            {purpose ? (
              <DownloadButton
                api={api}
                path={`${base}/${document.id}?${new URLSearchParams({ purpose }).toString()}`}
                file={document}
                label={t('operator.certs.download', { name: document.name })}
              />
            ) : (
              <p className="message-text">
                <span className="file-name">{document.name}</span>{' '}
                <span className="hint">{formatBytes(document.size, locale)}</span>
              </p>
            )}
          </li>
        ))}
      </ul>
      {purpose ? (
        <p className="hint">{t('operator.certs.documentsPurpose', { purpose })}</p>
      ) : (
        <>
          <p className="hint">{t('operator.certs.documentsPurposeHint')}</p>
          <PurposeForm submitLabel={t('operator.certs.openDocuments')} onRead={setPurpose} />
        </>
      )}
    </div>
  );
}
