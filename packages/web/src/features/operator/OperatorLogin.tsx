import { OperatorGrant } from '@carillon/protocol/operator';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/TextField';
import { useOperator } from './operator-session';

/** Operator sign-in (POST /api/operator/login); user accounts do not work here. */
export function OperatorLogin() {
  const { t } = useTranslation();
  const operator = useOperator();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      operator.signIn(
        await operator.api.post('/api/operator/login', {
          body: { username, password },
          schema: OperatorGrant,
        }),
      );
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} className="stack auth-page">
      <h2>{t('operator.login.title')}</h2>
      <p className="hint">{t('operator.login.hint')}</p>
      <TextField
        label={t('operator.login.username')}
        autoComplete="username"
        required
        value={username}
        onChange={(event) => setUsername(event.target.value)}
      />
      <TextField
        label={t('auth.password')}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <ErrorMessage error={error} />
      <button type="submit" disabled={busy}>
        {t('operator.login.submit')}
      </button>
    </form>
  );
}
