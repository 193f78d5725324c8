import type { Conversation, Message, Receipts } from '@carillon/protocol/messaging';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingMessage } from './message-merge';
import { MessageItem } from './MessageItem';
import { PendingItem } from './PendingItem';

/** The conversation's messages, oldest first, then this device's pending sends; kept scrolled to the end. */
export function MessageList({
  conversation,
  messages,
  pending,
  receipts,
  myId,
  onReply,
  onRecall,
  onForward,
  onRetry,
}: {
  conversation: Conversation;
  messages: Message[];
  pending: PendingMessage[];
  receipts: Map<number, Receipts>;
  myId: string;
  onReply: (message: Message) => void;
  onRecall: (message: Message) => void;
  onForward: (message: Message) => void;
  onRetry: (clientId: string) => void;
}) {
  const { t } = useTranslation();
  const end = useRef<HTMLLIElement>(null);
  const bySeq = new Map(messages.map((m) => [m.seq, m]));
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [messages.length, pending.length]);
  return (
    <section
      className="message-scroll"
      role="log"
      aria-label={t('conversation.messages')}
      tabIndex={0}
    >
      {messages.length === 0 && pending.length === 0 ? (
        <p className="hint">{t('conversation.empty')}</p>
      ) : null}
      <ol className="message-list">
        {messages.map((message) => (
          <MessageItem
            key={message.seq}
            message={message}
            conversation={conversation}
            repliedTo={message.replyTo === null ? undefined : bySeq.get(message.replyTo)}
            receipts={receipts.get(message.seq)}
            mine={message.senderId === myId}
            onReply={onReply}
            onRecall={onRecall}
            onForward={onForward}
          />
        ))}
        {pending.map((p) => (
          <PendingItem key={p.clientId} pending={p} onRetry={onRetry} />
        ))}
        <li ref={end} aria-hidden="true" className="message-end" />
      </ol>
    </section>
  );
}
