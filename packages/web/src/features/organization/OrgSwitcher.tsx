import type { Organization } from '@carillon/protocol/organizations';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** Switches between my organizations (and to the page that creates or joins one). */
export function OrgSwitcher({
  organizations,
  currentId,
}: {
  organizations: Organization[];
  currentId: string | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="field org-switcher">
      <label htmlFor="org-switcher">{t('org.switcher')}</label>
      <select
        id="org-switcher"
        value={currentId ?? ''}
        onChange={(event) =>
          void navigate(event.target.value ? `/org/${event.target.value}` : '/org')
        }
      >
        <option value="">{t('org.createOrJoin')}</option>
        {organizations.map((organization) => (
          <option key={organization.id} value={organization.id}>
            {organization.name}
          </option>
        ))}
      </select>
    </div>
  );
}
