import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useServices } from '../../app/services';
import { useSession } from '../../session/session-context';
import { CONFIRMING_PASSWORD, ErrorMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/TextField';

/**
 * Freezes the account (e.g. a lost phone): every session ends and sign-in
 * is refused until it is unfrozen with the password and a code.
 */
export function FreezeSection() {
  const { t } = useTranslation();
  const { api } = useServices();
  const session = useSession();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await api.post('/api/account/freeze', { body: { password } });
      session.clear();
      void navigate('/login');
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <form
      onSubmit={(event) => void handleSubmit(event)}
      className="stack"
      aria-labelledby="freeze-title"
    >
      <h2 id="freeze-title">{t('settings.freeze')}</h2>
      <p className="hint">{t('settings.freezeHint')}</p>
      <TextField
        label={t('settings.freezePassword')}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <ErrorMessage error={error} wording={CONFIRMING_PASSWORD} />
      <button type="submit" className="danger">
        {t('settings.freezeButton')}
      </button>
    </form>
  );
}
