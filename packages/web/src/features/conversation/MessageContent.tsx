import type { Message } from '@carillon/protocol/messaging';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { formatDuration } from '../../i18n/format';
import { languages } from '../../i18n/languages';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { useServicesProfiles } from '../people/use-profile';
import { FileDownload } from './FileDownload';
import { ImagePreview } from './ImagePreview';
import { LocationCard } from './LocationCard';

/** The words for everyone in every language: a sender writes theirs, a reader may read another. */
function useEveryoneWords(): string[] {
  const { i18n } = useTranslation();
  return languages.map((lng) => `@${i18n.getFixedT(lng)('conversationMore.mentionAll.token')}`);
}

/** Text with each `@nickname` of a mentioned person marked, and `@all` when it mentions everyone. */
function TextWithMentions({ message }: { message: Message }) {
  const profiles = useServicesProfiles();
  const everyone = useEveryoneWords();
  const text = message.text ?? '';
  const names = message.mentions
    .map((id) => profiles.get(id)?.nickname)
    .filter((n): n is string => !!n)
    .map((n) => `@${n}`)
    .concat(message.mentionAll ? everyone : []);
  if (names.length === 0) return <>{text}</>;
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = text.split(new RegExp(`(${escaped.join('|')})`, 'g'));
  return (
    <>
      {parts.map((part, i): ReactNode =>
        names.includes(part) ? (
          <mark key={i} className="mention">
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </>
  );
}

/**
 * What a message carries, by kind: text, image (thumbnail, preview), voice
 * (a player), location (a card), file (download with progress).
 */
export function MessageContent({ message }: { message: Message }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { api } = useServices();
  const [preview, setPreview] = useState(false);
  if (message.recalled) return <p className="recalled">{t('conversation.recalled')}</p>;
  if (message.kind === 'text')
    return (
      <p className="message-text">
        <TextWithMentions message={message} />
      </p>
    );
  if (message.kind === 'location')
    return message.location ? (
      <LocationCard location={message.location} />
    ) : (
      <p className="recalled">{t('conversation.unavailable')}</p>
    );
  const file = message.file;
  if (!file) return <p className="recalled">{t('conversation.unavailable')}</p>;
  const href = api.url(`/api/files/${file.id}`);
  if (message.kind === 'image') {
    const label = message.caption ?? file.name;
    return (
      <div>
        <button type="button" className="thumbnail-button" onClick={() => setPreview(true)}>
          <img
            src={file.thumbnail ? api.url(`/api/files/${file.id}/thumbnail`) : href}
            alt={t('conversation.imageAlt', { name: label })}
            className="thumbnail"
          />
        </button>
        {message.caption ? <p className="message-text">{message.caption}</p> : null}
        {preview ? (
          <ImagePreview src={href} label={label} onClose={() => setPreview(false)} />
        ) : null}
      </div>
    );
  }
  if (message.kind === 'voice') {
    const duration = formatDuration(message.durationMs ?? 0, locale);
    const label = t('conversationMore.voice.message', { duration });
    return (
      <p className="voice-message">
        <audio controls preload="metadata" src={href} aria-label={label} />
        <span className="hint">{duration}</span>
      </p>
    );
  }
  return <FileDownload file={file} />;
}
