import { BlockedList, type ContactList } from '@carillon/protocol/contacts';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { formatDateTime } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';

/**
 * People I blocked (unblock each) and blocking a friend: the friendship and
 * any request end, and they can no longer find me or send requests.
 */
export function BlockList({
  friends,
  onChanged,
}: {
  friends: ContactList['contacts'];
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { api } = useServices();
  const [blocked, setBlocked] = useState<BlockedList['blocked']>([]);
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      setBlocked((await api.get('/api/contacts/blocked', { schema: BlockedList })).blocked);
    } catch (failure) {
      setError(failure);
    }
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (call: Promise<unknown>) => {
    setError(null);
    await call.catch(setError);
    await load();
    await onChanged();
  };
  const handleBlock = (event: FormEvent) => {
    event.preventDefault();
    if (!choice) return;
    setChoice('');
    void act(api.put(`/api/contacts/blocked/${choice}`));
  };

  return (
    <section aria-labelledby="blocked-title" className="stack">
      <h2 id="blocked-title">{t('contactsMore.blocked')}</h2>
      <ErrorMessage error={error} />
      {blocked.length === 0 ? <p className="hint">{t('contactsMore.noneBlocked')}</p> : null}
      <ul className="people-list" aria-label={t('contactsMore.blocked')}>
        {blocked.map((person) => (
          <li key={person.userId}>
            <span className="person-name">{person.nickname}</span>
            <span className="hint">{formatDateTime(person.since, locale)}</span>
            <button
              type="button"
              className="secondary"
              aria-label={t('contactsMore.unblock', { name: person.nickname })}
              onClick={() => void act(api.delete(`/api/contacts/blocked/${person.userId}`))}
            >
              {t('contactsMore.unblockShort')}
            </button>
          </li>
        ))}
      </ul>
      {friends.length > 0 ? (
        <form onSubmit={handleBlock} className="stack">
          <div className="field">
            <label htmlFor="block-choice">{t('contactsMore.blockWho')}</label>
            <select id="block-choice" value={choice} onChange={(e) => setChoice(e.target.value)}>
              <option value="">{t('contactsMore.choose')}</option>
              {friends.map(({ profile }) => (
                <option key={profile.userId} value={profile.userId}>
                  {profile.nickname}
                </option>
              ))}
            </select>
          </div>
          <p className="hint">{t('contactsMore.blockHint')}</p>
          <button type="submit" className="danger">
            {t('contactsMore.block')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
