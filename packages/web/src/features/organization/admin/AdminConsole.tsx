import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { isAdmin, useOrganization } from '../use-organization';
import { ApplicationsAdmin } from './ApplicationsAdmin';
import { CertificationAdmin } from './CertificationAdmin';
import { DepartmentsAdmin } from './DepartmentsAdmin';
import { InvitesAdmin } from './InvitesAdmin';
import { MembersAdmin } from './MembersAdmin';

/**
 * `/org/:orgId/admin`: the administrator console. Sub-administrators see it
 * too; the server keeps them to their permissions and scope (403 otherwise),
 * and certification and the main-admin handover are for the main administrator.
 */
export function AdminConsole() {
  const { t } = useTranslation();
  const { orgId = '' } = useParams();
  const { organization, departments, error, reload } = useOrganization(orgId);
  if (!organization)
    return error ? <ErrorMessage error={error} /> : <p role="status">{t('app.loading')}</p>;
  if (!isAdmin(organization)) return <p>{t('org.notAdmin')}</p>;
  const main = organization.myRole === 'main_admin';
  return (
    <div className="page stack">
      <header className="conversation-header">
        <Link to={`/org/${organization.id}`}>{t('org.backToDirectory')}</Link>
        <h1>{t('org.consoleTitle', { name: organization.name })}</h1>
      </header>
      <div className="contacts-grid">
        <div className="stack">
          <DepartmentsAdmin
            organizationId={organization.id}
            departments={departments}
            onChanged={reload}
          />
          <MembersAdmin
            organizationId={organization.id}
            departments={departments}
            isMainAdmin={main}
            onChanged={reload}
          />
        </div>
        <div className="stack">
          <InvitesAdmin organizationId={organization.id} />
          <ApplicationsAdmin organizationId={organization.id} onChanged={reload} />
          {main ? <CertificationAdmin organization={organization} /> : null}
        </div>
      </div>
    </div>
  );
}
