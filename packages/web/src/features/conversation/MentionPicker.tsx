import { useTranslation } from 'react-i18next';
import { useServicesProfiles } from '../people/use-profile';

/** The members whose nickname starts with what follows the `@` being typed. */
export function MentionPicker({
  query,
  memberIds,
  onPick,
}: {
  query: string;
  memberIds: string[];
  onPick: (userId: string, nickname: string) => void;
}) {
  const { t } = useTranslation();
  const profiles = useServicesProfiles();
  const needle = query.toLowerCase();
  const matches = memberIds
    .map((id) => ({ id, nickname: profiles.get(id)?.nickname }))
    .filter((m): m is { id: string; nickname: string } => !!m.nickname)
    .filter((m) => m.nickname.toLowerCase().startsWith(needle))
    .slice(0, 8);
  if (matches.length === 0) return null;
  return (
    <ul className="mention-picker" aria-label={t('conversation.mentionPicker')}>
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
