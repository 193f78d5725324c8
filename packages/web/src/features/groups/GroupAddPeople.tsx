import { ContactList } from '@carillon/protocol/contacts';
import { AddMembersResult, MAX_ADD_MEMBERS } from '@carillon/protocol/messaging';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/TextField';
import type { GroupMember } from './use-group';

/** The server's refusals, in this screen's words: who may be added, and a full group. */
const ADD_WORDING = { forbidden: 'groups.addForbidden', conflict: 'groups.addConflict' };

/** What the last add did, as one sentence. */
function outcome(result: AddMembersResult): { key: string; count?: number } {
  if (result.pending) return { key: 'groups.addPending' };
  if (result.added.length > 0) return { key: 'groups.added', count: result.added.length };
  return { key: 'groups.addNothing' };
}

/**
 * Any member adds friends who are not in the group yet: ticked from the
 * friend list, filtered by name. With join approval on, a plain member's
 * choice goes to the owner and admins, and the screen says so.
 */
export function GroupAddPeople({
  groupId,
  members,
  onChanged,
}: {
  groupId: string;
  members: GroupMember[];
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { api } = useServices();
  const [friends, setFriends] = useState<ContactList['contacts'] | null>(null);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [result, setResult] = useState<AddMembersResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api
      .get('/api/contacts', { schema: ContactList })
      .then((list) => setFriends(list.contacts))
      .catch(setError);
  }, [api]);

  const inGroup = new Set(members.map((m) => m.userId));
  const needle = query.trim().toLocaleLowerCase();
  const candidates = (friends ?? []).filter(
    ({ profile }) =>
      !inGroup.has(profile.userId) && profile.nickname.toLocaleLowerCase().includes(needle),
  );

  const handleToggle = (userId: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(userId);
    else next.delete(userId);
    setChosen(next);
  };

  const handleAdd = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setResult(null);
    setBusy(true);
    try {
      const answer = await api.post(`/api/conversations/${groupId}/members`, {
        body: { userIds: [...chosen] },
        schema: AddMembersResult,
      });
      setResult(answer);
      setChosen(new Set());
      await onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const said = result ? outcome(result) : null;
  return (
    <section aria-labelledby="add-people-title">
      <h2 id="add-people-title">{t('groups.addPeople')}</h2>
      <form className="stack" onSubmit={(event) => void handleAdd(event)}>
        <TextField
          label={t('groups.addSearch')}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        {friends && candidates.length === 0 ? (
          <p className="hint">{t('groups.addNoFriends')}</p>
        ) : null}
        <ul className="people-list" aria-label={t('groups.addFriendsLabel')}>
          {candidates.map(({ profile }) => (
            <li key={profile.userId}>
              <label>
                <input
                  type="checkbox"
                  checked={chosen.has(profile.userId)}
                  onChange={(event) => handleToggle(profile.userId, event.target.checked)}
                />{' '}
                {profile.nickname}
              </label>
            </li>
          ))}
        </ul>
        {chosen.size > MAX_ADD_MEMBERS ? (
          <p className="hint">{t('groups.addTooMany', { count: MAX_ADD_MEMBERS })}</p>
        ) : null}
        <button type="submit" disabled={busy || chosen.size === 0 || chosen.size > MAX_ADD_MEMBERS}>
          {t('groups.add')}
        </button>
      </form>
      {said ? <p role="status">{t(said.key, { count: said.count })}</p> : null}
      <ErrorMessage error={error} wording={ADD_WORDING} />
    </section>
  );
}
