import type { Conversation } from '@carillon/protocol/messaging';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useServices } from '../../app/services';
import { formatMessageTime, formatNumber } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Icon } from '../../ui/Icon';
import { useConversations } from './conversations';
import { useConversationName } from './use-conversation-name';

/** One row of the chat list: name, time, unread count, and the pin and mute switches. */
export function ConversationItem({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { api, now } = useServices();
  const { patch, reload } = useConversations();
  const name = useConversationName(conversation);

  const [error, setError] = useState<unknown>(null);

  /** Shows the change at once; a refused one says why, and the list returns to the server's state. */
  const handleToggle = async (setting: 'pinned' | 'muted') => {
    const value = !conversation[setting];
    setError(null);
    patch(conversation.id, { [setting]: value });
    await api
      .put(`/api/conversations/${conversation.id}/settings`, { body: { [setting]: value } })
      .catch(setError);
    await reload();
  };

  return (
    <li className="conversation-item" data-muted={conversation.muted}>
      <NavLink to={`/chats/${conversation.id}`} className="conversation-link">
        <span className="conversation-name">
          {name}
          {conversation.kind === 'direct' && conversation.organizationId ? (
            <span className="work-tag">{t('chats.work')}</span>
          ) : null}
        </span>
        <span className="conversation-time">
          {formatMessageTime(conversation.lastActivityAt, locale, now())}
        </span>
        {conversation.unread > 0 ? (
          <span className="badge" aria-label={t('chats.unread', { count: conversation.unread })}>
            {formatNumber(conversation.unread, locale)}
          </span>
        ) : null}
      </NavLink>
      <div className="conversation-actions">
        <button
          type="button"
          className="icon-button"
          aria-pressed={conversation.pinned}
          aria-label={t('chats.pin', { name })}
          onClick={() => void handleToggle('pinned')}
        >
          <Icon name="pin" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-pressed={conversation.muted}
          aria-label={t('chats.mute', { name })}
          onClick={() => void handleToggle('muted')}
        >
          <Icon name="mute" />
        </button>
      </div>
      <ErrorMessage error={error} />
    </li>
  );
}
