import type { ContactList } from '@carillon/protocol/contacts';
import { Conversation } from '@carillon/protocol/messaging';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useServices } from '../../app/services';
import { ErrorMessage } from '../../ui/ErrorMessage';

/** Friends, each with a button that opens (or creates) the one-to-one chat. */
export function FriendsList({ friends }: { friends: ContactList['contacts'] }) {
  const { t } = useTranslation();
  const { api } = useServices();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);

  const handleMessage = async (userId: string) => {
    setError(null);
    try {
      const chat = await api.post('/api/conversations/direct', {
        body: { userId },
        schema: Conversation,
      });
      void navigate(`/chats/${chat.id}`);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section aria-labelledby="friends-title">
      <h2 id="friends-title">{t('contacts.friends')}</h2>
      <ErrorMessage error={error} />
      {friends.length === 0 ? <p className="hint">{t('contacts.noFriends')}</p> : null}
      <ul className="people-list" aria-label={t('contacts.friends')}>
        {friends.map(({ profile }) => (
          <li key={profile.userId}>
            <span className="person-name">{profile.nickname}</span>
            <button
              type="button"
              onClick={() => void handleMessage(profile.userId)}
              aria-label={t('contacts.message', { name: profile.nickname })}
            >
              {t('contacts.messageShort')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
