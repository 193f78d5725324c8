import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../../app/services';
import { CONFIRMING_PASSWORD, ErrorMessage } from '../../../ui/ErrorMessage';
import { TextField } from '../../../ui/TextField';

/**
 * Deletes an enterprise account for good, confirmed with the administrator's
 * own password: the server ends its sessions and erases everything about it.
 */
export function EnterpriseAccountErase({
  path,
  name,
  onErased,
}: {
  /** The account's path under the organization's enterprise accounts. */
  path: string;
  name: string;
  onErased: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { api } = useServices();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post(`${path}/erase`, { body: { password } });
      await onErased();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(event) => void handleSubmit(event)}
      className="stack"
      aria-label={t('orgAdmin.accounts.erase', { name })}
    >
      <p role="note">{t('orgAdmin.accounts.eraseWarning', { name })}</p>
      <TextField
        label={t('orgAdmin.accounts.erasePassword')}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <ErrorMessage error={error} wording={CONFIRMING_PASSWORD} />
      <button type="submit" className="danger" disabled={busy}>
        {t('orgAdmin.accounts.eraseButton', { name })}
      </button>
    </form>
  );
}
