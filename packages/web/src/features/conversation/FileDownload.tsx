import type { StoredFile } from '@carillon/protocol/files';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { DownloadButton } from '../../ui/DownloadButton';

/** A file in a message: a download button with a progress bar while the bytes arrive. */
export function FileDownload({ file }: { file: StoredFile }) {
  const { t } = useTranslation();
  const { api } = useServices();
  return (
    <div className="message-file">
      <DownloadButton
        api={api}
        path={`/api/files/${file.id}`}
        file={file}
        label={t('conversationMore.download.action', { name: file.name })}
      />
    </div>
  );
}
