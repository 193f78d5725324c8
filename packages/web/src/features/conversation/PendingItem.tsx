import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDegrees, formatNumber } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import type { PendingMessage } from './message-merge';

/** What a pending message shows of itself before the server has it. */
function pendingText(pending: PendingMessage, t: TFunction, language: string): string {
  const { body } = pending;
  if ('text' in body) return body.text;
  if (body.kind === 'voice') return t('conversationMore.voice.pending');
  if (body.kind === 'location')
    return (
      body.label ??
      t('conversationMore.location.coordinates', {
        latitude: formatDegrees(body.latitude, language),
        longitude: formatDegrees(body.longitude, language),
      })
    );
  return pending.file?.name ?? '';
}

/** A message on its way: upload progress, "sending…", or failed with a retry button. */
export function PendingItem({
  pending,
  onRetry,
}: {
  pending: PendingMessage;
  onRetry: (clientId: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const text = pendingText(pending, t, locale);
  return (
    <li className="message message-mine message-pending" aria-label={t('conversation.pending')}>
      <div className="bubble">
        <p className="message-text">{text}</p>
        {pending.status === 'uploading' ? (
          <label className="progress">
            {t('conversation.uploading', {
              percent: formatNumber(Math.round(pending.progress * 100), locale),
            })}
            <progress max={1} value={pending.progress} />
          </label>
        ) : null}
        <p className="message-meta">
          {pending.status === 'failed' ? (
            <>
              <span className="error">{t('conversation.failed')}</span>{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => onRetry(pending.clientId)}
              >
                {t('conversation.retry')}
              </button>
            </>
          ) : pending.status === 'sending' ? (
            t('conversation.sending')
          ) : null}
        </p>
      </div>
    </li>
  );
}
