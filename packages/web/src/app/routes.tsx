import { Navigate, type RouteObject } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { SignupPage } from '../features/auth/SignupPage';
import { ChatsPage } from '../features/chats/ChatsPage';
import { ConversationPage } from '../features/conversation/ConversationPage';
import { ContactsPage } from '../features/contacts/ContactsPage';
import { operatorRoutes } from '../features/operator/operator-routes';
import { cancelledRoute, privacyRoutes } from '../features/privacy/privacy-routes';
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
      ],
    },
    cancelledRoute,
    operatorRoutes,
    { path: '*', element: <NotFoundPage /> },
  ];
}
