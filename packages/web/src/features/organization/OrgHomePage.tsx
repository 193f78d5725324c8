import { Organization, StaffSize } from '@carillon/protocol/organizations';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useServices } from '../../app/services';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/TextField';
import { JoinOrgForms } from './JoinOrgForms';
import { OrgSwitcher } from './OrgSwitcher';
import { PendingInvitations } from './PendingInvitations';
import { useOrganizations } from './use-organization';

/** `/org`: my organizations, creating one (I become its main administrator), joining one. */
export function OrgHomePage() {
  const { t } = useTranslation();
  const { api } = useServices();
  const navigate = useNavigate();
  const { organizations, error: listError } = useOrganizations();
  const [name, setName] = useState('');
  const [industry, setIndustry] = useState('');
  const [staffSize, setStaffSize] = useState('');
  const [error, setError] = useState<unknown>(null);

  const handleCreate = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const created = await api.post('/api/organizations', {
        body: {
          name,
          ...(industry.trim() ? { industry } : {}),
          ...(staffSize ? { staffSize } : {}),
        },
        schema: Organization,
      });
      void navigate(`/org/${created.id}`);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <div className="page stack">
      <h1>{t('org.title')}</h1>
      <ErrorMessage error={listError} />
      {organizations && organizations.length > 0 ? (
        <>
          <OrgSwitcher organizations={organizations} currentId={null} />
          <ul className="people-list" aria-label={t('org.mine')}>
            {organizations.map((organization) => (
              <li key={organization.id}>
                <Link to={`/org/${organization.id}`}>{organization.name}</Link>
                <span className="hint">{t(`org.role.${organization.myRole}`)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="hint">{t('org.none')}</p>
      )}
      <div className="contacts-grid">
        <form
          onSubmit={(event) => void handleCreate(event)}
          className="stack"
          aria-labelledby="create-org"
        >
          <h2 id="create-org">{t('org.create')}</h2>
          <TextField
            label={t('org.name')}
            required
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          <TextField
            label={t('org.industry')}
            maxLength={100}
            value={industry}
            onChange={(event) => setIndustry(event.target.value)}
          />
          <div className="field">
            <label htmlFor="org-staff">{t('org.staffSize')}</label>
            <select id="org-staff" value={staffSize} onChange={(e) => setStaffSize(e.target.value)}>
              <option value="">{t('org.notSaid')}</option>
              {StaffSize.options.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </div>
          <ErrorMessage error={error} />
          <button type="submit">{t('org.createButton')}</button>
        </form>
        <div className="stack">
          <PendingInvitations />
          <JoinOrgForms />
        </div>
      </div>
    </div>
  );
}
