import { Navigate, type RouteObject } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage';
import { SignupPage } from '../features/auth/SignupPage';
import { ChatsPage } from '../features/chats/ChatsPage';
import { ConversationPage } from '../features/conversation/ConversationPage';
import { ContactsPage } from '../features/contacts/ContactsPage';
import { operatorRoutes } from '../features/operator/operator-routes';
import { cancelledRoute, privacyRoutes } from '../features/privacy/privacy-routes';
import { CardPage } from '../features/contacts/CardPage';
import { GroupPage } from '../features/groups/GroupPage';
import { GroupsPage } from '../features/groups/GroupsPage';
import { JoinGroupPage } from '../features/groups/JoinGroupPage';
import { consoleRoutes } from '../features/organization/admin/console-routes';
import { JoinOrgPage } from '../features/organization/JoinOrgPage';
import { OrgHomePage } from '../features/organization/OrgHomePage';
import { OrgPage } from '../features/organization/OrgPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { GuardianApprovePage } from '../features/privacy/GuardianApprovePage';
import type { RealtimeFactory } from '../realtime/realtime-context';
import { AppShell } from './AppShell';
import { NotFoundPage } from './NotFoundPage';

/**
 * Every client route. Signed-in screens are children of the shell; a screen
 * added by a feature goes into `children` (and gets a nav link in AppShell).
 */
export function appRoutes(options: { realtime?: RealtimeFactory } = {}): RouteObject[] {
  return [
    { path: '/login', element: <LoginPage /> },
    { path: '/signup', element: <SignupPage /> },
    { path: '/reset-password', element: <ResetPasswordPage /> },
    {
      path: '/',
      element: <AppShell {...options} />,
      children: [
        { index: true, element: <Navigate to="/chats" replace /> },
        {
          path: 'chats',
          element: <ChatsPage />,
          children: [{ path: ':conversationId', element: <ConversationPage /> }],
        },
        { path: 'contacts', element: <ContactsPage /> },
        privacyRoutes,
        { path: 'contacts/card', element: <CardPage /> },
        { path: 'groups', element: <GroupsPage /> },
        { path: 'groups/join', element: <JoinGroupPage /> },
        { path: 'groups/:groupId', element: <GroupPage /> },
        { path: 'org', element: <OrgHomePage /> },
        { path: 'org/join', element: <JoinOrgPage /> },
        { path: 'org/:orgId', element: <OrgPage /> },
        consoleRoutes,
        { path: 'settings', element: <SettingsPage /> },
        { path: 'guardian', element: <GuardianApprovePage /> },
      ],
    },
    cancelledRoute,
    operatorRoutes,
    { path: '*', element: <NotFoundPage /> },
  ];
}
