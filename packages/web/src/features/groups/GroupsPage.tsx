import { Conversation } from '@carillon/protocol/messaging';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useServices } from '../../app/services';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/TextField';
import { useConversations } from '../chats/conversations';
import { tokenFromLink } from '../contacts/QrSection';

/**
 * Groups: the ones I am in (from the conversation list the app keeps), a form
 * to create one, and a box to join by a pasted invite link.
 */
export function GroupsPage() {
  const { t } = useTranslation();
  const { api } = useServices();
  const navigate = useNavigate();
  const { conversations, error: listError } = useConversations();
  const groups = conversations?.filter((c) => c.kind === 'group') ?? null;
  const [name, setName] = useState('');
  const [link, setLink] = useState('');
  const [error, setError] = useState<unknown>(null);

  const handleCreate = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const group = await api.post('/api/conversations', { body: { name }, schema: Conversation });
      void navigate(`/groups/${group.id}`);
    } catch (failure) {
      setError(failure);
    }
  };

  const handleJoin = (event: FormEvent) => {
    event.preventDefault();
    void navigate(`/groups/join?token=${encodeURIComponent(tokenFromLink(link))}`);
  };

  return (
    <div className="page stack">
      <h1>{t('groups.title')}</h1>
      <ErrorMessage error={error ?? listError} />
      <div className="contacts-grid">
        <section aria-labelledby="my-groups" className="stack">
          <h2 id="my-groups">{t('groups.mine')}</h2>
          {groups?.length === 0 ? <p className="hint">{t('groups.none')}</p> : null}
          <ul className="people-list" aria-label={t('groups.mine')}>
            {(groups ?? []).map((group) => (
              <li key={group.id}>
                <Link to={`/groups/${group.id}`}>{group.name}</Link>
                <span className="hint">
                  {t('groups.memberCount', { count: group.memberCount })}
                </span>
              </li>
            ))}
          </ul>
        </section>
        <div className="stack">
          <form
            onSubmit={(event) => void handleCreate(event)}
            className="stack"
            aria-labelledby="new-group"
          >
            <h2 id="new-group">{t('groups.create')}</h2>
            <TextField
              label={t('groups.name')}
              required
              maxLength={100}
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
            <button type="submit">{t('groups.createButton')}</button>
          </form>
          <form onSubmit={handleJoin} className="stack" aria-labelledby="join-group">
            <h2 id="join-group">{t('groups.joinTitle')}</h2>
            <TextField
              label={t('groups.inviteLink')}
              required
              value={link}
              onChange={(event) => setLink(event.target.value)}
            />
            <button type="submit">{t('groups.openInvite')}</button>
          </form>
        </div>
      </div>
    </div>
  );
}
