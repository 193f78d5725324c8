import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../api/api-error';
import { useReturnTo } from './return-to';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useSession } from '../../session/session-context';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/TextField';
import { AccountKindSwitch, type AccountKind } from './AccountKindSwitch';
import { defaultCountry } from './countries';
import { EnterpriseFields, type EnterpriseIdentity } from './EnterpriseFields';
import { IdentityField, type IdentityValue } from './IdentityField';
import { identityBody } from './identity';
import { useAuthPageState } from './page-state';
import { useSignIn } from './sign-in';
import { UnfreezeSection, type FrozenSignIn } from './UnfreezeSection';

/** A frozen enterprise account has no phone or e-mail for an unfreeze code (ADR 13). */
const ENTERPRISE_FROZEN = { account_frozen: 'recovery.unfreeze.enterprise' };

/**
 * Sign in with phone or e-mail and password, or to an enterprise account with
 * the organization code; a frozen personal account is unfrozen in place, and
 * a forgotten password is reset on /reset-password.
 */
export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const pageState = useAuthPageState();
  const returnTo = useReturnTo();
  const signIn = useSignIn();
  const [identity, setIdentity] = useState<IdentityValue>(
    () =>
      pageState.identity ?? { kind: 'phone', country: defaultCountry(session.edition), text: '' },
  );
  const [kind, setKind] = useState<AccountKind>(pageState.kind ?? 'personal');
  const [enterprise, setEnterprise] = useState<EnterpriseIdentity>({
    organizationCode: '',
    accountName: '',
  });
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [frozen, setFrozen] = useState<FrozenSignIn | null>(null);
  const [busy, setBusy] = useState(false);
  if (session.status === 'signed-in') return <Navigate to={returnTo} replace />;
  const goOn = () => void navigate(returnTo, { replace: true });

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn({ ...(kind === 'personal' ? identityBody(identity) : enterprise), password });
      goOn();
    } catch (failure) {
      if (kind === 'personal' && failure instanceof ApiError && failure.id === 'account_frozen')
        setFrozen({ identity, password });
      else setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="auth-page" id="main">
      <LanguageSwitch />
      <h1>{t('auth.loginTitle')}</h1>
      {pageState.passwordReset ? <p role="status">{t('recovery.reset.done')}</p> : null}
      {frozen ? (
        <UnfreezeSection frozen={frozen} onSignedIn={goOn} onBack={() => setFrozen(null)} />
      ) : (
        <form onSubmit={(event) => void handleSubmit(event)} className="stack">
          <AccountKindSwitch value={kind} onChange={setKind} />
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
          <Link to="/reset-password" state={{ from: pageState.from, kind, identity }}>
            {t('recovery.forgotLink')}
          </Link>
          <ErrorMessage error={error} wording={kind === 'enterprise' ? ENTERPRISE_FROZEN : {}} />
          <button type="submit" disabled={busy}>
            {t('auth.login')}
          </button>
        </form>
      )}
      <p>
        {t('auth.noAccount')}{' '}
        <Link to="/signup" state={location.state}>
          {t('auth.signupLink')}
        </Link>
      </p>
    </main>
  );
}
