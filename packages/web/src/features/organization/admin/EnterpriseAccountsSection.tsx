import {
  EnterpriseAccount,
  EnterpriseAccountList,
  OrganizationCodeResult,
} from '@carillon/protocol/org-admin';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../../app/services';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { TextField } from '../../../ui/TextField';
import { pathName } from '../department-tree';
import { useConsole } from './AdminConsole';
import { EnterpriseAccountRow } from './EnterpriseAccountRow';

const emptyDraft = { accountName: '', name: '', password: '', departmentId: '' };

/**
 * Enterprise accounts (ORG-3): the organization code they sign in with,
 * creating one for a member, and the list with disable / enable and a
 * password reset per account.
 */
export function EnterpriseAccountsSection() {
  const { t } = useTranslation();
  const { api } = useServices();
  const { organization, departments, reload } = useConsole();
  const base = `/api/organizations/${organization.id}/enterprise-accounts`;
  const [code, setCode] = useState<string | null>(null);
  const [accounts, setAccounts] = useState<EnterpriseAccount[] | null>(null);
  const [draft, setDraft] = useState(emptyDraft);
  const [created, setCreated] = useState<string | null>(null);
  // Whose "Password set" shows: only until the next action on any row starts.
  const [passwordSetFor, setPasswordSetFor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      setAccounts((await api.get(base, { schema: EnterpriseAccountList })).accounts);
    } catch (failure) {
      setError(failure);
    }
  }, [api, base]);
  useEffect(() => {
    void load();
    api
      .get(`/api/organizations/${organization.id}/code`, { schema: OrganizationCodeResult })
      .then((answer) => setCode(answer.code), setError);
  }, [api, load, organization.id]);

  const handleCreate = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setCreated(null);
    try {
      const account = await api.post(base, {
        body: {
          accountName: draft.accountName,
          name: draft.name,
          password: draft.password,
          departmentIds: draft.departmentId ? [draft.departmentId] : [],
        },
        schema: EnterpriseAccount,
      });
      setCreated(account.accountName);
      setDraft(emptyDraft);
      await Promise.all([load(), reload()]);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <div className="contacts-grid">
      <section aria-labelledby="accounts-create" className="stack">
        <h2 id="accounts-create">{t('orgAdmin.accounts.create')}</h2>
        <p className="hint">{t('orgAdmin.accounts.explain')}</p>
        {code ? (
          <p>
            {t('orgAdmin.accounts.code')} <strong className="invite-code">{code}</strong>
          </p>
        ) : null}
        <form onSubmit={(event) => void handleCreate(event)} className="stack">
          <TextField
            label={t('orgAdmin.accounts.accountName')}
            hint={t('orgAdmin.accounts.accountNameHint')}
            required
            pattern="[A-Za-z0-9][A-Za-z0-9._\-]{1,39}"
            value={draft.accountName}
            onChange={(event) => setDraft({ ...draft, accountName: event.target.value })}
          />
          <TextField
            label={t('orgAdmin.accounts.name')}
            required
            maxLength={40}
            value={draft.name}
            onChange={(event) => setDraft({ ...draft, name: event.target.value })}
          />
          <TextField
            label={t('orgAdmin.accounts.password')}
            type="password"
            autoComplete="new-password"
            required
            value={draft.password}
            onChange={(event) => setDraft({ ...draft, password: event.target.value })}
          />
          <div className="field">
            <label htmlFor="account-department">{t('orgAdmin.accounts.department')}</label>
            <select
              id="account-department"
              value={draft.departmentId}
              onChange={(event) => setDraft({ ...draft, departmentId: event.target.value })}
            >
              <option value="">{t('orgAdmin.accounts.noDepartment')}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {pathName(departments, d.id)}
                </option>
              ))}
            </select>
          </div>
          <ErrorMessage error={error} />
          {created ? (
            <p role="status">{t('orgAdmin.accounts.created', { name: created })}</p>
          ) : null}
          <button type="submit">{t('orgAdmin.accounts.createButton')}</button>
        </form>
      </section>
      <section aria-labelledby="accounts-list" className="stack">
        <h2 id="accounts-list">{t('orgAdmin.accounts.list')}</h2>
        {accounts?.length === 0 ? <p className="hint">{t('orgAdmin.accounts.none')}</p> : null}
        <ul className="card-list" aria-label={t('orgAdmin.accounts.list')}>
          {(accounts ?? []).map((account) => (
            <EnterpriseAccountRow
              key={account.userId}
              account={account}
              base={base}
              onChanged={load}
              passwordSet={passwordSetFor === account.userId}
              onActionStart={() => setPasswordSetFor(null)}
              onPasswordSet={() => setPasswordSetFor(account.userId)}
            />
          ))}
        </ul>
      </section>
    </div>
  );
}
