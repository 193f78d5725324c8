import { Department } from '@carillon/protocol/organizations';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../../app/services';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { TextField } from '../../../ui/TextField';
import { pathName, subtreeIds } from '../department-tree';

/**
 * Rename or move one department (never under itself or its own subtree; the
 * server refuses that too), or delete it, optionally moving its members first.
 */
export function DepartmentEditor({
  organizationId,
  department,
  departments,
  onDone,
}: {
  organizationId: string;
  department: Department;
  departments: Department[];
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { api } = useServices();
  const [name, setName] = useState(department.name);
  const [parentId, setParentId] = useState(department.parentId ?? '');
  const [moveTo, setMoveTo] = useState('');
  const [error, setError] = useState<unknown>(null);
  const path = `/api/organizations/${organizationId}/departments/${department.id}`;
  const inside = subtreeIds(departments, department.id);
  const parents = departments.filter((d) => !inside.has(d.id));
  const others = departments.filter((d) => d.id !== department.id);

  const run = async (call: () => Promise<unknown>) => {
    setError(null);
    try {
      await call();
      await onDone();
    } catch (failure) {
      setError(failure);
    }
  };
  const handleSave = (event: FormEvent) => {
    event.preventDefault();
    void run(() =>
      api.patch(path, { body: { name, parentId: parentId || null }, schema: Department }),
    );
  };

  return (
    <form
      onSubmit={handleSave}
      className="stack"
      aria-label={t('org.editDepartment', { name: department.name })}
    >
      <TextField
        label={t('org.departmentName')}
        required
        maxLength={100}
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <div className="field">
        <label htmlFor={`parent-${department.id}`}>{t('org.parent')}</label>
        <select
          id={`parent-${department.id}`}
          value={parentId}
          onChange={(e) => setParentId(e.target.value)}
        >
          <option value="">{t('org.topLevel')}</option>
          {parents.map((d) => (
            <option key={d.id} value={d.id}>
              {pathName(departments, d.id)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">{t('org.save')}</button>
      <div className="field">
        <label htmlFor={`move-${department.id}`}>{t('org.moveMembersTo')}</label>
        <select
          id={`move-${department.id}`}
          value={moveTo}
          onChange={(e) => setMoveTo(e.target.value)}
        >
          <option value="">{t('org.noMove')}</option>
          {others.map((d) => (
            <option key={d.id} value={d.id}>
              {pathName(departments, d.id)}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="danger"
        onClick={() =>
          void run(() => api.delete(path, { query: { moveMembersTo: moveTo || undefined } }))
        }
      >
        {t('org.deleteDepartment')}
      </button>
      <ErrorMessage error={error} />
    </form>
  );
}
