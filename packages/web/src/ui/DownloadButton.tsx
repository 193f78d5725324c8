import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../api/api-client';
import { downloadFile } from '../api/download';
import { formatBytes, formatNumber } from '../i18n/format';
import { useFormatLocale } from '../i18n/use-format-locale';

/**
 * A file's name as a button that downloads it through `api` (so the request
 * carries the session's CSRF header, which audited reads need), with a
 * progress bar while the bytes arrive and an alert if it fails.
 */
export function DownloadButton({
  api,
  path,
  file,
  label,
}: {
  api: ApiClient;
  path: string;
  file: { name: string; size: number };
  label: string;
}) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const [progress, setProgress] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);

  const download = async () => {
    setFailed(false);
    setProgress(0);
    try {
      await downloadFile(api, path, file.name, setProgress);
    } catch {
      setFailed(true);
    } finally {
      setProgress(null);
    }
  };

  return (
    <>
      <p className="message-text">
        <button
          type="button"
          className="link-button"
          disabled={progress !== null}
          aria-label={label}
          onClick={() => void download()}
        >
          {file.name}
        </button>{' '}
        <span className="hint">{formatBytes(file.size, locale)}</span>
      </p>
      {progress !== null ? (
        <label className="progress">
          {t('conversationMore.download.progress', {
            percent: formatNumber(Math.round(progress * 100), locale),
          })}
          <progress max={1} value={progress} />
        </label>
      ) : null}
      {failed ? (
        <p role="alert" className="error">
          {t('conversationMore.download.failed')}
        </p>
      ) : null}
    </>
  );
}
