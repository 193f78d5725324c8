import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Directory } from './Directory';
import { DissolutionNotice } from './DissolutionNotice';
import { LeaveOrganization } from './LeaveOrganization';
import { OrgSwitcher } from './OrgSwitcher';
import { isAdmin, useOrganization, useOrganizations } from './use-organization';

/** `/org/:orgId`: the organization's directory, with the switcher and (for admins) the console link. */
export function OrgPage() {
  const { t } = useTranslation();
  const { orgId = '' } = useParams();
  const { organizations } = useOrganizations();
  const { organization, departments, error } = useOrganization(orgId);
  if (!organization)
    return error ? <ErrorMessage error={error} /> : <p role="status">{t('app.loading')}</p>;
  return (
    <div className="page stack">
      <header className="conversation-header">
        <h1>{organization.name}</h1>
        {organization.certified ? <span className="badge-text">{t('org.certified')}</span> : null}
        <span className="hint">{t('org.memberCount', { count: organization.memberCount })}</span>
      </header>
      <DissolutionNotice organization={organization} />
      <div className="org-bar">
        <OrgSwitcher organizations={organizations ?? [organization]} currentId={organization.id} />
        {isAdmin(organization) ? (
          <Link to={`/org/${organization.id}/admin`}>{t('org.console')}</Link>
        ) : null}
      </div>
      {/* Keyed: a department, search or open card of one organization means nothing in another. */}
      <Directory key={organization.id} organizationId={organization.id} departments={departments} />
      <LeaveOrganization organization={organization} />
    </div>
  );
}
