import { CertificationAdmin } from './CertificationAdmin';
import { useConsole } from './AdminConsole';
import { ApplicationsAdmin } from './ApplicationsAdmin';
import { DepartmentsAdmin } from './DepartmentsAdmin';
import { InvitesAdmin } from './InvitesAdmin';
import { MembersAdmin } from './MembersAdmin';

/** The console's first section: departments, members, invitations, applications, certification. */
export function PeopleSection() {
  const { organization, departments, reload } = useConsole();
  const main = organization.myRole === 'main_admin';
  return (
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
  );
}
