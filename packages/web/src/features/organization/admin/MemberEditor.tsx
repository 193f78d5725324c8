import { OrgMember, type Department } from '@carillon/protocol/organizations';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../../app/services';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { TextField } from '../../../ui/TextField';
import { pathName } from '../department-tree';

const fields = ['name', 'position', 'jobNumber', 'officeEmail', 'officePhone'] as const;
type Field = (typeof fields)[number];

/** One member's organization details (name, position, job number, office e-mail and phone, departments). */
export function MemberEditor({
  organizationId,
  member,
  departments,
  onChanged,
}: {
  organizationId: string;
  member: OrgMember;
  departments: Department[];
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { api } = useServices();
  const [draft, setDraft] = useState<Record<Field, string>>({
    name: member.name,
    position: member.position ?? '',
    jobNumber: member.jobNumber ?? '',
    officeEmail: member.officeEmail ?? '',
    officePhone: member.officePhone ?? '',
  });
  const [departmentIds, setDepartmentIds] = useState(member.departmentIds);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const path = `/api/organizations/${organizationId}/members/${member.userId}`;

  const handleSave = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    const body: Record<string, unknown> = { name: draft.name, departmentIds };
    for (const field of fields.slice(1)) body[field] = draft[field].trim() || null;
    try {
      await api.patch(path, { body, schema: OrgMember });
      setSaved(true);
      await onChanged();
    } catch (failure) {
      setError(failure);
    }
  };
  const handleRemove = async () => {
    setError(null);
    try {
      await api.delete(path);
      await onChanged();
    } catch (failure) {
      setError(failure);
    }
  };
  const toggle = (id: string, on: boolean) =>
    setDepartmentIds(on ? [...departmentIds, id] : departmentIds.filter((d) => d !== id));

  return (
    <form
      onSubmit={(event) => void handleSave(event)}
      className="stack"
      aria-label={t('org.memberDetails', { name: member.name })}
    >
      {fields.map((field) => (
        <TextField
          key={field}
          label={t(`org.field.${field}`)}
          type={field === 'officeEmail' ? 'email' : 'text'}
          required={field === 'name'}
          value={draft[field]}
          onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
        />
      ))}
      <fieldset>
        <legend>{t('org.field.departments')}</legend>
        {departments.map((d) => (
          <label key={d.id} className="checkbox">
            <input
              type="checkbox"
              checked={departmentIds.includes(d.id)}
              onChange={(event) => toggle(d.id, event.target.checked)}
            />
            {pathName(departments, d.id)}
          </label>
        ))}
      </fieldset>
      <ErrorMessage error={error} />
      {saved ? <p role="status">{t('org.saved')}</p> : null}
      <button type="submit">{t('org.saveMember')}</button>
      {member.role !== 'main_admin' ? (
        <ConfirmButton
          label={t('org.removeMember', { name: member.name })}
          question={t('org.removeQuestion', { name: member.name })}
          confirmLabel={t('org.removeConfirm')}
          cancelLabel={t('org.cancel')}
          onConfirm={() => void handleRemove()}
        />
      ) : null}
    </form>
  );
}
