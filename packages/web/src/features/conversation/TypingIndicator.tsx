import { useTranslation } from 'react-i18next';
import { useServicesProfiles } from '../people/use-profile';

/** "Mei is typing…", announced politely. */
export function TypingIndicator({ userIds }: { userIds: string[] }) {
  const { t } = useTranslation();
  const profiles = useServicesProfiles();
  const names = userIds.map((id) => profiles.get(id)?.nickname ?? t('people.someone'));
  return (
    <p className="typing" aria-live="polite">
      {names.length > 0
        ? t('conversation.typing', { names: names.join(', '), count: names.length })
        : ''}
    </p>
  );
}
