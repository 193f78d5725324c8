import type { Department, Organization } from '@carillon/protocol/organizations';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useOutletContext, useParams } from 'react-router';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import '../../privacy/privacy.css';
import { isAdmin, useOrganization } from '../use-organization';

/** What every console section gets from the console: the organization and its departments. */
export interface ConsoleContext {
  organization: Organization;
  departments: Department[];
  reload: () => Promise<void>;
}

/** The console's sections; data, dissolution and rights requests are the main administrator's alone. */
const sections = ['people', 'accounts', 'apps', 'security', 'data', 'rights'] as const;
const mainAdminOnly: ReadonlySet<(typeof sections)[number]> = new Set(['data', 'rights']);

/**
 * `/org/:orgId/admin/…`: the administrator console, one route per section.
 * Sub-administrators see it too; the server keeps them to their permissions
 * and scope (403 otherwise).
 */
export function AdminConsole() {
  const { t } = useTranslation();
  const { orgId = '' } = useParams();
  const { organization, departments, error, reload } = useOrganization(orgId);
  if (!organization)
    return error ? <ErrorMessage error={error} /> : <p role="status">{t('app.loading')}</p>;
  if (!isAdmin(organization)) return <p>{t('org.notAdmin')}</p>;
  const shown = sections.filter(
    (s) => !mainAdminOnly.has(s) || organization.myRole === 'main_admin',
  );
  const context: ConsoleContext = { organization, departments, reload };
  return (
    <div className="page stack">
      <header className="conversation-header">
        <Link to={`/org/${organization.id}`}>{t('org.backToDirectory')}</Link>
        <h1>{t('org.consoleTitle', { name: organization.name })}</h1>
      </header>
      <nav aria-label={t('orgAdmin.sections')} className="sub-nav">
        {shown.map((section) => (
          <NavLink key={section} to={`/org/${organization.id}/admin/${section}`}>
            {t(`orgAdmin.section.${section}`)}
          </NavLink>
        ))}
      </nav>
      <Outlet context={context} />
    </div>
  );
}

/** The console's organization, for a section rendered in its outlet. */
export const useConsole = () => useOutletContext<ConsoleContext>();
