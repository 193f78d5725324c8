import type { Conversation, Message, Receipts } from '@carillon/protocol/messaging';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { formatMessageTime } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { useDisplayName } from '../people/use-profile';
import { MessageContent } from './MessageContent';
import { ReceiptStatus } from './ReceiptStatus';

/** The sender may recall for 24 hours; owners and admins at any time (the server decides). */
const RECALL_WINDOW_MS = 24 * 60 * 60 * 1000;

/** A short quote of the message replied to. */
function ReplyQuote({ message }: { message: Message | undefined }) {
  const { t } = useTranslation();
  const sender = useDisplayName(message?.senderId);
  if (!message)
    return <blockquote className="reply-quote">{t('conversation.replyMissing')}</blockquote>;
  const text = message.recalled
    ? t('conversation.recalled')
    : (message.text ?? message.caption ?? message.file?.name ?? message.location?.label ?? '');
  return (
    <blockquote className="reply-quote">
      {sender}: {text.slice(0, 80)}
    </blockquote>
  );
}

/** One stored message: sender, reply quote, content, time, receipts and its actions. */
export function MessageItem({
  message,
  conversation,
  repliedTo,
  receipts,
  mine,
  onReply,
  onRecall,
  onForward,
}: {
  message: Message;
  conversation: Conversation;
  repliedTo: Message | undefined;
  receipts: Receipts | undefined;
  mine: boolean;
  onReply: (message: Message) => void;
  onRecall: (message: Message) => void;
  onForward: (message: Message) => void;
}) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { now } = useServices();
  const sender = useDisplayName(message.senderId);
  const canRecall =
    !message.recalled &&
    ((mine && now() - message.createdAt < RECALL_WINDOW_MS) || conversation.role !== 'member');
  return (
    <li
      className={`message ${mine ? 'message-mine' : ''}`}
      aria-label={t('conversation.messageFrom', { name: mine ? t('conversation.you') : sender })}
    >
      <div className="bubble">
        {!mine && conversation.kind === 'group' ? <p className="sender">{sender}</p> : null}
        {message.replyTo !== null ? <ReplyQuote message={repliedTo} /> : null}
        {message.forwarded ? <p className="hint">{t('conversation.forwarded')}</p> : null}
        <MessageContent message={message} />
        {/* A div, not a p: the group receipt details below hold headings and lists. */}
        <div className="message-meta">
          <time dateTime={new Date(message.createdAt).toISOString()}>
            {formatMessageTime(message.createdAt, locale, now())}
          </time>
          {mine && !message.recalled ? <ReceiptStatus receipts={receipts} /> : null}
        </div>
      </div>
      {!message.recalled ? (
        <div className="message-actions">
          <button type="button" className="link-button" onClick={() => onReply(message)}>
            {t('conversation.reply')}
          </button>
          <button type="button" className="link-button" onClick={() => onForward(message)}>
            {t('conversationMore.forward.action')}
          </button>
          {canRecall ? (
            <button type="button" className="link-button" onClick={() => onRecall(message)}>
              {t('conversation.recall')}
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
