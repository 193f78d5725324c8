import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/TextField';

/**
 * Reads of people's data state why: the purpose is recorded in the audit log
 * and shown to everyone whose data the read showed.
 */
export function PurposeForm({
  submitLabel,
  onRead,
}: {
  submitLabel: string;
  onRead: (purpose: string) => void;
}) {
  const { t } = useTranslation();
  const [purpose, setPurpose] = useState('');
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    onRead(purpose.trim());
  };
  return (
    <form onSubmit={handleSubmit} className="stack">
      <TextField
        label={t('operator.purpose.label')}
        hint={t('operator.purpose.hint')}
        required
        minLength={3}
        maxLength={200}
        value={purpose}
        onChange={(event) => setPurpose(event.target.value)}
      />
      <button type="submit">{submitLabel}</button>
    </form>
  );
}
