import { SessionGrant } from '@carillon/protocol/auth';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useReturnTo } from './return-to';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useServices } from '../../app/services';
import { useSession } from '../../session/session-context';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/TextField';
import { defaultCountry } from './countries';
import { EnterpriseFields, type EnterpriseIdentity } from './EnterpriseFields';
import { IdentityField, type IdentityValue } from './IdentityField';
import { identityBody, rememberDevice, thisDevice } from './identity';

/** Sign in with phone or e-mail and password, or to an enterprise account with the organization code. */
export function LoginPage() {
  const { t } = useTranslation();
  const { api } = useServices();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const returnTo = useReturnTo();
  const [identity, setIdentity] = useState<IdentityValue>({
    kind: 'phone',
    country: defaultCountry(session.edition),
    text: '',
  });
  const [kind, setKind] = useState<'personal' | 'enterprise'>('personal');
  const [enterprise, setEnterprise] = useState<EnterpriseIdentity>({
    organizationCode: '',
    accountName: '',
  });
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (session.status === 'signed-in') return <Navigate to={returnTo} replace />;

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const grant = await api.post('/api/auth/login', {
        body: {
          ...(kind === 'personal' ? identityBody(identity) : enterprise),
          password,
          device: thisDevice(t('auth.deviceName')),
        },
        schema: SessionGrant,
      });
      rememberDevice(grant.deviceId);
      await session.refresh();
      void navigate(returnTo, { replace: true });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="auth-page" id="main">
      <LanguageSwitch />
      <h1>{t('auth.loginTitle')}</h1>
      <form onSubmit={(event) => void handleSubmit(event)} className="stack">
        <div role="radiogroup" aria-label={t('auth.accountKind')} className="segmented">
          {(['personal', 'enterprise'] as const).map((option) => (
            <label key={option}>
              <input
                type="radio"
                name="account-kind"
                checked={kind === option}
                onChange={() => setKind(option)}
              />
              {t(`auth.accountKinds.${option}`)}
            </label>
          ))}
        </div>
        {kind === 'personal' ? (
          <IdentityField
            value={identity}
            allowEmail={session.edition !== 'cn'}
            onChange={setIdentity}
          />
        ) : (
          <EnterpriseFields value={enterprise} onChange={setEnterprise} />
        )}
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
          {t('auth.login')}
        </button>
      </form>
      <p>
        {t('auth.noAccount')}{' '}
        <Link to="/signup" state={location.state}>
          {t('auth.signupLink')}
        </Link>
      </p>
    </main>
  );
}
