import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes, formatNumber } from '../../../i18n/format';
import { useFormatLocale } from '../../../i18n/use-format-locale';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { MAX_DOCUMENTS, type useDocumentUploads } from './use-document-uploads';

/**
 * The documents part of the certification form: a file picker (several at
 * once), and each picked file with its upload progress or failure and a
 * button to remove it.
 */
export function CertificationDocuments({
  uploads,
}: {
  uploads: ReturnType<typeof useDocumentUploads>;
}) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const [tooMany, setTooMany] = useState(false);
  const inputId = useId();
  const hintId = useId();

  return (
    <fieldset>
      <legend>{t('org.certificationDocuments')}</legend>
      <p id={hintId} className="hint">
        {t('org.documentsHint', { max: MAX_DOCUMENTS })}
      </p>
      <label htmlFor={inputId}>{t('org.attachDocuments')}</label>
      <input
        id={inputId}
        type="file"
        multiple
        aria-describedby={hintId}
        onChange={(event) => {
          setTooMany(!uploads.add([...(event.target.files ?? [])]));
          event.target.value = '';
        }}
      />
      {tooMany ? (
        <p role="alert" className="error">
          {t('org.documentsTooMany', { max: MAX_DOCUMENTS })}
        </p>
      ) : null}
      {uploads.documents.length > 0 ? (
        <ul className="file-list" aria-label={t('org.attachedDocuments')}>
          {uploads.documents.map((document) => (
            <li key={document.key} aria-label={document.name}>
              <span className="file-name">{document.name}</span>
              <span className="hint">{formatBytes(document.size, locale)}</span>
              {document.status === 'uploading' ? (
                <label className="progress">
                  {t('conversation.uploading', {
                    percent: formatNumber(Math.round(document.progress * 100), locale),
                  })}
                  <progress max={1} value={document.progress} />
                </label>
              ) : null}
              {document.status === 'failed' ? <ErrorMessage error={document.error} /> : null}
              <button
                type="button"
                className="secondary"
                aria-label={t('org.removeDocument', { name: document.name })}
                onClick={() => {
                  setTooMany(false);
                  uploads.remove(document.key);
                }}
              >
                {t('org.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
