import { Navigate, type RouteObject } from 'react-router';
import { AccessLogPage } from './AccessLogPage';
import { CancelAccountPage } from './CancelAccountPage';
import { CancelledPage } from './CancelledPage';
import { ConsentsPage } from './ConsentsPage';
import { PolicyPage } from './PolicyPage';
import { PrivacyPage } from './PrivacyPage';
import { RequestsPage } from './RequestsPage';

/** The privacy center's routes, children of the signed-in shell (/privacy/…). */
export const privacyRoutes: RouteObject = {
  path: 'privacy',
  element: <PrivacyPage />,
  children: [
    { index: true, element: <Navigate to="/privacy/policy" replace /> },
    { path: 'policy', element: <PolicyPage /> },
    { path: 'consents', element: <ConsentsPage /> },
    { path: 'requests', element: <RequestsPage /> },
    { path: 'access-log', element: <AccessLogPage /> },
    { path: 'cancel', element: <CancelAccountPage /> },
  ],
};

/** Shown after a confirmed cancellation, when no session is left (outside the shell). */
export const cancelledRoute: RouteObject = {
  path: '/account-cancelled',
  element: <CancelledPage />,
};
