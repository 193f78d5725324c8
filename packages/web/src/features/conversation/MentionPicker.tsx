import { useTranslation } from 'react-i18next';
import { useServicesProfiles } from '../people/use-profile';

/**
 * The members whose nickname starts with what follows the `@` being typed,
 * and, for a group's owner and admins (`everyone` set), the whole group
 * first when its word (`@all`, `@所有人`) starts with it too.
 */
export function MentionPicker({
  query,
  memberIds,
  everyone,
  onPick,
  onPickEveryone,
}: {
  query: string;
  memberIds: string[];
  /** The word that mentions the whole group, when the person may use it. */
  everyone: string | null;
  onPick: (userId: string, nickname: string) => void;
  onPickEveryone: () => void;
}) {
  const { t } = useTranslation();
  const profiles = useServicesProfiles();
  const needle = query.toLowerCase();
  const matches = memberIds
    .map((id) => ({ id, nickname: profiles.get(id)?.nickname }))
    .filter((m): m is { id: string; nickname: string } => !!m.nickname)
    .filter((m) => m.nickname.toLowerCase().startsWith(needle))
    .slice(0, 8);
  const offerEveryone = everyone !== null && everyone.toLowerCase().startsWith(needle);
  if (matches.length === 0 && !offerEveryone) return null;
  return (
    <ul className="mention-picker" aria-label={t('conversation.mentionPicker')}>
      {offerEveryone ? (
        <li>
          <button
            type="button"
            className="secondary"
            title={t('conversationMore.mentionAll.hint')}
            onClick={onPickEveryone}
          >
            {t('conversationMore.mentionAll.option')}
          </button>
        </li>
      ) : null}
      {matches.map((m) => (
        <li key={m.id}>
          <button type="button" className="secondary" onClick={() => onPick(m.id, m.nickname)}>
            {t('conversation.mention', { name: m.nickname })}
          </button>
        </li>
      ))}
    </ul>
  );
}
