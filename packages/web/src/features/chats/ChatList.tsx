import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { searchChats } from './chat-search';
import { ConversationItem } from './ConversationItem';
import { useConversations } from './conversations';

/** The chat list with its search box; the server already orders it (pinned, then recent). */
export function ChatList() {
  const { t } = useTranslation();
  const { profiles } = useServices();
  const { conversations, error } = useConversations();
  const [query, setQuery] = useState('');
  const searchId = useId();
  const shown = searchChats(conversations ?? [], query, profiles);

  return (
    <section className="chat-list-pane" aria-labelledby={`${searchId}-title`}>
      <h1 id={`${searchId}-title`}>{t('chats.title')}</h1>
      <div role="search" className="field">
        <label htmlFor={searchId}>{t('chats.search')}</label>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <ErrorMessage error={error} />
      {conversations === null && !error ? <p role="status">{t('app.loading')}</p> : null}
      {conversations?.length === 0 ? <p>{t('chats.empty')}</p> : null}
      {conversations && conversations.length > 0 && shown.length === 0 ? (
        <p>{t('chats.noMatch')}</p>
      ) : null}
      <ul className="conversation-list" aria-label={t('chats.listLabel')}>
        {shown.map((conversation) => (
          <ConversationItem key={conversation.id} conversation={conversation} />
        ))}
      </ul>
    </section>
  );
}
