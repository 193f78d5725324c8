import { Navigate, type RouteObject } from 'react-router';
import { AdminConsole } from './AdminConsole';
import { AppsSection } from './AppsSection';
import { DataSection } from './DataSection';
import { EnterpriseAccountsSection } from './EnterpriseAccountsSection';
import { PeopleSection } from './PeopleSection';
import { RightsSection } from './RightsSection';
import { SecurityLogSection } from './SecurityLogSection';

/** The administrator console's routes, children of the signed-in shell (/org/:orgId/admin/…). */
export const consoleRoutes: RouteObject = {
  path: 'org/:orgId/admin',
  element: <AdminConsole />,
  children: [
    { index: true, element: <Navigate to="people" replace /> },
    { path: 'people', element: <PeopleSection /> },
    { path: 'accounts', element: <EnterpriseAccountsSection /> },
    { path: 'apps', element: <AppsSection /> },
    { path: 'security', element: <SecurityLogSection /> },
    { path: 'data', element: <DataSection /> },
    { path: 'rights', element: <RightsSection /> },
  ],
};
