import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { formatMessageTime } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { usePresence } from './use-presence';

/** "Online", "Last seen 09:41", or "Offline" (when the person hides their last-seen time). */
export function PresenceLine({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { now } = useServices();
  const presence = usePresence(userId);
  if (!presence) return null;
  const text = presence.online
    ? t('presence.online')
    : presence.lastSeenAt === null
      ? t('presence.offline')
      : t('presence.lastSeen', {
          time: formatMessageTime(presence.lastSeenAt, locale, now()),
        });
  return <p className="presence">{text}</p>;
}
