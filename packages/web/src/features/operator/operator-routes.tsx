import { Navigate, type RouteObject } from 'react-router';
import { AuditPanel } from './AuditPanel';
import { CertificationsPanel } from './CertificationsPanel';
import { OperatorPage } from './OperatorPage';
import { OutboxPanel } from './OutboxPanel';
import { PoliciesPanel } from './PoliciesPanel';
import { RightsQueuePanel } from './RightsQueuePanel';

/** The operator console's routes (/operator/…), outside the user's signed-in shell. */
export const operatorRoutes: RouteObject = {
  path: '/operator',
  element: <OperatorPage />,
  children: [
    { index: true, element: <Navigate to="/operator/requests" replace /> },
    { path: 'outbox', element: <OutboxPanel /> },
    { path: 'requests', element: <RightsQueuePanel /> },
    { path: 'policies', element: <PoliciesPanel /> },
    { path: 'audit', element: <AuditPanel /> },
    { path: 'certifications', element: <CertificationsPanel /> },
  ],
};
