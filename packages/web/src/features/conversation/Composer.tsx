import type { Message } from '@carillon/protocol/messaging';
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon';
import { useDisplayName } from '../people/use-profile';
import { LocationShare } from './LocationShare';
import { MentionPicker } from './MentionPicker';
import type { Draft } from './use-messages';
import { VoiceRecorder } from './VoiceRecorder';

/** The `@word` being typed at the end of the text, if any. */
function mentionQuery(text: string): string | null {
  return /(?:^|\s)@(\S*)$/.exec(text)?.[1] ?? null;
}

/**
 * Writing a message: text with @mentions (Enter sends, Shift+Enter breaks the
 * line), a reply banner, attaching an image or file, recording a voice
 * message and sharing a location.
 */
export function Composer({
  memberIds,
  canMentionEveryone,
  replyTo,
  onCancelReply,
  onSend,
  onTyping,
}: {
  memberIds: string[];
  /** A group's owner or admin: `@all` (`@所有人`) mentions every member. */
  canMentionEveryone: boolean;
  replyTo: Message | null;
  onCancelReply: () => void;
  onSend: (draft: Draft) => void;
  onTyping: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [mentions, setMentions] = useState<Map<string, string>>(new Map());
  const [everyoneToken, setEveryoneToken] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const replyName = useDisplayName(replyTo?.senderId);
  const query = mentionQuery(text);
  const reply = replyTo ? { replyTo: replyTo.seq } : {};

  const handleSubmit = (event?: FormEvent) => {
    event?.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return;
    // Only people still named in the text count as mentioned.
    const named = [...mentions].filter(([, nickname]) => trimmed.includes(`@${nickname}`));
    onSend({
      kind: 'text',
      text: trimmed,
      mentions: named.map(([userId]) => userId),
      mentionAll: everyoneToken !== null && trimmed.includes(everyoneToken),
      ...reply,
    });
    setText('');
    setMentions(new Map());
    setEveryoneToken(null);
    onCancelReply();
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      handleSubmit();
    }
  };

  const handlePick = (userId: string, nickname: string) => {
    setText((current) => current.replace(/@(\S*)$/, `@${nickname} `));
    setMentions((current) => new Map(current).set(userId, nickname));
    input.current?.focus();
  };

  const handlePickEveryone = () => {
    const token = `@${t('conversationMore.mentionAll.token')}`;
    setText((current) => current.replace(/@(\S*)$/, `${token} `));
    setEveryoneToken(token);
    input.current?.focus();
  };

  const handleFile = (file: File | undefined) => {
    if (!file) return;
    onSend({ kind: file.type.startsWith('image/') ? 'image' : 'file', file, ...reply });
    onCancelReply();
  };

  /** A voice message or a location, as a reply when one is being written. */
  const sendOther = (draft: Draft) => {
    onSend({ ...draft, ...reply });
    onCancelReply();
  };

  return (
    <div className="composer">
      {replyTo ? (
        <p className="reply-banner">
          {t('conversation.replyingTo', { name: replyName })}{' '}
          <button type="button" className="link-button" onClick={onCancelReply}>
            {t('conversation.cancelReply')}
          </button>
        </p>
      ) : null}
      {query !== null ? (
        <MentionPicker
          query={query}
          memberIds={memberIds}
          everyone={canMentionEveryone ? t('conversationMore.mentionAll.token') : null}
          onPick={handlePick}
          onPickEveryone={handlePickEveryone}
        />
      ) : null}
      {/* Outside the message form: the location panel is a form of its own. */}
      <div className="composer-tools">
        <VoiceRecorder onSend={sendOther} />
        <LocationShare onSend={sendOther} />
      </div>
      <form className="composer-row" onSubmit={handleSubmit}>
        <label className="attach">
          <Icon name="attach" />
          <span className="visually-hidden">{t('conversation.attach')}</span>
          <input
            type="file"
            className="visually-hidden"
            onChange={(event) => {
              handleFile(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
        </label>
        <label htmlFor={id} className="visually-hidden">
          {t('conversation.message')}
        </label>
        <textarea
          id={id}
          ref={input}
          rows={2}
          value={text}
          placeholder={t('conversation.placeholder')}
          onChange={(event) => {
            setText(event.target.value);
            onTyping();
          }}
          onKeyDown={handleKeyDown}
        />
        <button type="submit">{t('conversation.send')}</button>
      </form>
    </div>
  );
}
