import type { AdminPermission, Department, OrgMember } from '@carillon/protocol/organizations';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../../app/services';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { pathName } from '../department-tree';

const permissions: AdminPermission[] = ['members', 'departments'];

/**
 * Makes a member a sub-administrator (members and/or departments, for the
 * whole organization or one department's subtree) or a plain member again;
 * the main administrator may also hand the main role over.
 */
export function RoleEditor({
  organizationId,
  member,
  departments,
  isMainAdmin,
  onChanged,
}: {
  organizationId: string;
  member: OrgMember;
  departments: Department[];
  isMainAdmin: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { api } = useServices();
  const [role, setRole] = useState<'member' | 'sub_admin'>(
    member.role === 'sub_admin' ? 'sub_admin' : 'member',
  );
  const [chosen, setChosen] = useState<AdminPermission[]>(
    member.adminScope?.permissions ?? ['members'],
  );
  const [scope, setScope] = useState(member.adminScope?.departmentId ?? '');
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const base = `/api/organizations/${organizationId}`;

  const run = async (call: Promise<unknown>) => {
    setError(null);
    setSaved(false);
    try {
      await call;
      setSaved(true);
      await onChanged();
    } catch (failure) {
      setError(failure);
    }
  };
  const handleSave = (event: FormEvent) => {
    event.preventDefault();
    const body =
      role === 'member'
        ? { role }
        : { role, scope: { permissions: chosen, departmentId: scope || null } };
    void run(api.put(`${base}/members/${member.userId}/role`, { body }));
  };

  return (
    <form
      onSubmit={handleSave}
      className="stack"
      aria-label={t('org.roleOf', { name: member.name })}
    >
      <div className="field">
        <label htmlFor={`role-${member.userId}`}>{t('org.field.role')}</label>
        <select
          id={`role-${member.userId}`}
          value={role}
          onChange={(event) => setRole(event.target.value as 'member' | 'sub_admin')}
        >
          <option value="member">{t('org.role.member')}</option>
          <option value="sub_admin">{t('org.role.sub_admin')}</option>
        </select>
      </div>
      {role === 'sub_admin' ? (
        <>
          <fieldset>
            <legend>{t('org.permissions')}</legend>
            {permissions.map((p) => (
              <label key={p} className="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.includes(p)}
                  onChange={(event) =>
                    setChosen(event.target.checked ? [...chosen, p] : chosen.filter((c) => c !== p))
                  }
                />
                {t(`org.permission.${p}`)}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={`scope-${member.userId}`}>{t('org.scope')}</label>
            <select
              id={`scope-${member.userId}`}
              value={scope}
              onChange={(e) => setScope(e.target.value)}
            >
              <option value="">{t('org.wholeOrganization')}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {pathName(departments, d.id)}
                </option>
              ))}
            </select>
          </div>
        </>
      ) : null}
      <ErrorMessage error={error} />
      {saved ? <p role="status">{t('org.saved')}</p> : null}
      <button type="submit" disabled={role === 'sub_admin' && chosen.length === 0}>
        {t('org.saveRole')}
      </button>
      {isMainAdmin ? (
        <ConfirmButton
          label={t('org.transfer', { name: member.name })}
          question={t('org.transferQuestion', { name: member.name })}
          confirmLabel={t('org.transferConfirm')}
          cancelLabel={t('org.cancel')}
          onConfirm={() =>
            void run(api.post(`${base}/transfer`, { body: { userId: member.userId } }))
          }
        />
      ) : null}
    </form>
  );
}
