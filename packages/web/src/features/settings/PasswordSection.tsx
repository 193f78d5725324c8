import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { CONFIRMING_PASSWORD, ErrorMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/TextField';

/** Changes the password; the server signs out every other device. */
export function PasswordSection() {
  const { t } = useTranslation();
  const { api } = useServices();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone(false);
    try {
      await api.post('/api/account/password', { body: { currentPassword, newPassword } });
      setDone(true);
      setCurrent('');
      setNew('');
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <form
      onSubmit={(event) => void handleSubmit(event)}
      className="stack"
      aria-labelledby="password-title"
    >
      <h2 id="password-title">{t('settings.password')}</h2>
      <TextField
        label={t('settings.currentPassword')}
        type="password"
        autoComplete="current-password"
        required
        value={currentPassword}
        onChange={(event) => setCurrent(event.target.value)}
      />
      <TextField
        label={t('settings.newPassword')}
        hint={t('settings.newPasswordHint')}
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        value={newPassword}
        onChange={(event) => setNew(event.target.value)}
      />
      <ErrorMessage error={error} wording={CONFIRMING_PASSWORD} />
      {done ? <p role="status">{t('settings.passwordChanged')}</p> : null}
      <button type="submit">{t('settings.changePassword')}</button>
    </form>
  );
}
