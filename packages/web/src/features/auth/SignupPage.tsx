import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useReturnTo } from './return-to';
import { useSession } from '../../session/session-context';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { defaultCountry } from './countries';
import type { IdentityValue } from './IdentityField';
import { RegisterStep } from './RegisterStep';
import type { SentCode } from './codes';
import { SendCodeStep } from './SendCodeStep';

/** Sign-up in two steps: get a code, then the details and the policy. */
export function SignupPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const returnTo = useReturnTo();
  const [identity, setIdentity] = useState<IdentityValue>({
    kind: 'phone',
    country: defaultCountry(session.edition),
    text: '',
  });
  const [sent, setSent] = useState<SentCode | null>(null);
  if (session.status === 'signed-in' && !sent) return <Navigate to={returnTo} replace />;

  return (
    <main className="auth-page" id="main">
      <LanguageSwitch />
      <h1>{t('signup.title')}</h1>
      <p className="hint">{t(sent ? 'signup.step2' : 'signup.step1')}</p>
      {sent ? (
        <>
          <RegisterStep
            identity={identity}
            sent={sent}
            onDone={() => void navigate(returnTo, { replace: true })}
          />
          <button type="button" className="secondary" onClick={() => setSent(null)}>
            {t('signup.changeIdentity')}
          </button>
        </>
      ) : (
        <SendCodeStep
          purpose="register"
          identity={identity}
          allowEmail={session.edition !== 'cn'}
          onIdentityChange={setIdentity}
          onSent={setSent}
        />
      )}
      <p>
        {t('signup.haveAccount')}{' '}
        <Link to="/login" state={location.state}>
          {t('signup.loginLink')}
        </Link>
      </p>
    </main>
  );
}
