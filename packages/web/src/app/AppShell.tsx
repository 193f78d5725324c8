import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { returnStateFrom } from '../features/auth/return-to';
import { useServices } from './services';
import { useSession } from '../session/session-context';
import { RealtimeProvider, type RealtimeFactory } from '../realtime/realtime-context';
import { SessionEndedWatch } from './SessionEndedWatch';
import { ConnectionStatus } from './ConnectionStatus';
import { LanguageSwitch } from './LanguageSwitch';
import { GuardianNotice } from '../features/privacy/GuardianNotice';
import { ReconsentNotice } from '../features/privacy/ReconsentNotice';
import { RightsReminders } from '../features/organization/RightsReminders';
import { MessageNotifier } from '../features/notifications/MessageNotifier';
import { ConversationsProvider } from '../features/chats/conversations';

/**
 * The frame around every signed-in screen: navigation, connection state,
 * language, sign-out. It keeps the conversation list for every screen, so the
 * chats, the forward picker, the groups screen and the notifier share one copy.
 */
export function AppShell({ realtime }: { realtime?: RealtimeFactory }) {
  const { t } = useTranslation();
  const session = useSession();
  const { api } = useServices();
  const navigate = useNavigate();
  const location = useLocation();
  if (session.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  // Signing in comes back here: an invite or guardian link opened while signed out still works.
  if (!session.account) return <Navigate to="/login" replace state={returnStateFrom(location)} />;

  const handleSignOut = async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    session.clear();
    void navigate('/login');
  };

  return (
    <RealtimeProvider userId={session.account.id} {...(realtime ? { factory: realtime } : {})}>
      <ConversationsProvider>
        <SessionEndedWatch />
        <MessageNotifier />
        <div className="shell">
          <header className="shell-header">
            <span className="brand">{t('app.name')}</span>
            <ConnectionStatus />
            <LanguageSwitch />
            <button type="button" onClick={() => void handleSignOut()}>
              {t('app.signOut')}
            </button>
          </header>
          <nav className="shell-nav" aria-label={t('nav.label')}>
            <NavLink to="/chats">{t('nav.chats')}</NavLink>
            <NavLink to="/contacts">{t('nav.contacts')}</NavLink>
            <NavLink to="/groups">{t('groups.title')}</NavLink>
            <NavLink to="/org">{t('org.title')}</NavLink>
            <NavLink to="/settings">{t('settings.title')}</NavLink>
            <NavLink to="/privacy">{t('privacy.nav')}</NavLink>
          </nav>
          <main className="shell-main" id="main">
            {/* Notices sit atop the screen: outside main the grid placed them below the navigation. */}
            <ReconsentNotice />
            <GuardianNotice />
            <RightsReminders />
            <Outlet />
          </main>
        </div>
      </ConversationsProvider>
    </RealtimeProvider>
  );
}
