import type { StoredFile } from '@carillon/protocol/files';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../api/download';
import { useServices } from '../../app/services';
import { formatBytes, formatNumber } from '../../i18n/format';

/** A file in a message: a download button with a progress bar while the bytes arrive. */
export function FileDownload({ file }: { file: StoredFile }) {
  const { t, i18n } = useTranslation();
  const { api } = useServices();
  const [progress, setProgress] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);

  const download = async () => {
    setFailed(false);
    setProgress(0);
    try {
      await downloadFile(api, `/api/files/${file.id}`, file.name, setProgress);
    } catch {
      setFailed(true);
    } finally {
      setProgress(null);
    }
  };

  return (
    <div className="message-file">
      <p className="message-text">
        <button
          type="button"
          className="link-button"
          disabled={progress !== null}
          aria-label={t('conversationMore.download.action', { name: file.name })}
          onClick={() => void download()}
        >
          {file.name}
        </button>{' '}
        <span className="hint">{formatBytes(file.size, i18n.language)}</span>
      </p>
      {progress !== null ? (
        <label className="progress">
          {t('conversationMore.download.progress', {
            percent: formatNumber(Math.round(progress * 100), i18n.language),
          })}
          <progress max={1} value={progress} />
        </label>
      ) : null}
      {failed ? (
        <p role="alert" className="error">
          {t('conversationMore.download.failed')}
        </p>
      ) : null}
    </div>
  );
}
