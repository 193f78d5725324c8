import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/session-context';
import { DiscoverySettings } from '../contacts/DiscoverySettings';
import { FreezeSection } from './FreezeSection';
import { NotificationsSection } from './NotificationsSection';
import { PasswordSection } from './PasswordSection';
import { PresenceSection } from './PresenceSection';
import { ProfileSection } from './ProfileSection';
import { SessionsSection } from './SessionsSection';

/** Settings: profile and its visibility, devices, notifications, privacy switches, password, freezing. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { edition } = useSession();
  return (
    <div className="page stack">
      <h1>{t('settings.title')}</h1>
      <div className="contacts-grid">
        <div className="stack">
          <ProfileSection />
        </div>
        <div className="stack">
          <SessionsSection />
          <NotificationsSection />
          <section aria-labelledby="privacy-switches" className="stack">
            <h2 id="privacy-switches">{t('settings.privacy')}</h2>
            <PresenceSection />
            <DiscoverySettings allowEmail={edition !== 'cn'} />
          </section>
          <PasswordSection />
          <FreezeSection />
        </div>
      </div>
    </div>
  );
}
