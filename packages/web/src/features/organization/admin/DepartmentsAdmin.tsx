import { Department } from '@carillon/protocol/organizations';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../../app/services';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { TextField } from '../../../ui/TextField';
import { pathName } from '../department-tree';
import { DepartmentEditor } from './DepartmentEditor';

/** Departments: create one (at the top or under another), and edit, move or delete each. */
export function DepartmentsAdmin({
  organizationId,
  departments,
  onChanged,
}: {
  organizationId: string;
  departments: Department[];
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { api } = useServices();
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const handleCreate = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await api.post(`/api/organizations/${organizationId}/departments`, {
        body: { name, parentId: parentId || null },
        schema: Department,
      });
      setName('');
      await onChanged();
    } catch (failure) {
      setError(failure);
    }
  };
  const sorted = [...departments].sort((a, b) =>
    pathName(departments, a.id).localeCompare(pathName(departments, b.id)),
  );

  return (
    <section aria-labelledby="departments-admin" className="stack">
      <h2 id="departments-admin">{t('org.departments')}</h2>
      <form
        onSubmit={(event) => void handleCreate(event)}
        className="stack"
        aria-label={t('org.newDepartment')}
      >
        <TextField
          label={t('org.departmentName')}
          required
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <div className="field">
          <label htmlFor="new-department-parent">{t('org.parent')}</label>
          <select
            id="new-department-parent"
            value={parentId}
            onChange={(e) => setParentId(e.target.value)}
          >
            <option value="">{t('org.topLevel')}</option>
            {sorted.map((d) => (
              <option key={d.id} value={d.id}>
                {pathName(departments, d.id)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('org.addDepartment')}</button>
      </form>
      <ErrorMessage error={error} />
      <ul className="people-list" aria-label={t('org.departments')}>
        {sorted.map((department) => (
          <li key={department.id} className="stack">
            <span className="person-name">{pathName(departments, department.id)}</span>
            <button
              type="button"
              className="secondary"
              aria-expanded={editing === department.id}
              aria-label={t('org.editDepartment', { name: department.name })}
              onClick={() => setEditing(editing === department.id ? null : department.id)}
            >
              {t('org.edit')}
            </button>
            {editing === department.id ? (
              <DepartmentEditor
                organizationId={organizationId}
                department={department}
                departments={departments}
                onDone={async () => {
                  setEditing(null);
                  await onChanged();
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
