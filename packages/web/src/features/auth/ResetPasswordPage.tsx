import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useSession } from '../../session/session-context';
import { AccountKindSwitch, type AccountKind } from './AccountKindSwitch';
import type { SentCode } from './codes';
import { defaultCountry } from './countries';
import type { IdentityValue } from './IdentityField';
import { useAuthPageState, type AuthPageState } from './page-state';
import { ResetStep } from './ResetStep';
import { SendCodeStep } from './SendCodeStep';

/**
 * "Forgot your password?": a code to the account's phone number or e-mail,
 * then the code and a new password, and back to sign-in (every session of
 * the account has ended). Enterprise accounts are told that their
 * administrator sets a new password instead.
 */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const pageState = useAuthPageState();
  const [kind, setKind] = useState<AccountKind>(pageState.kind ?? 'personal');
  const [identity, setIdentity] = useState<IdentityValue>(
    () =>
      pageState.identity ?? { kind: 'phone', country: defaultCountry(session.edition), text: '' },
  );
  const [sent, setSent] = useState<SentCode | null>(null);
  const signInState: AuthPageState = { from: pageState.from, kind, identity };

  const handleDone = async () => {
    // A reset ends every session of that account: this browser's too, if it was signed in to it.
    if (session.status === 'signed-in') await session.refresh().catch(() => undefined);
    void navigate('/login', { state: { ...signInState, passwordReset: true } });
  };

  return (
    <main className="auth-page" id="main">
      <LanguageSwitch />
      <h1>{t('recovery.reset.title')}</h1>
      {sent ? null : <AccountKindSwitch value={kind} onChange={setKind} />}
      {kind === 'enterprise' ? (
        <p>{t('recovery.reset.enterprise')}</p>
      ) : sent ? (
        <>
          <p className="hint">{t('recovery.reset.step2')}</p>
          <ResetStep
            identity={identity}
            sent={sent}
            onSent={setSent}
            onDone={() => void handleDone()}
          />
          <button type="button" className="secondary" onClick={() => setSent(null)}>
            {t('signup.changeIdentity')}
          </button>
        </>
      ) : (
        <>
          <p className="hint">{t('recovery.reset.step1')}</p>
          <SendCodeStep
            purpose="reset_password"
            identity={identity}
            allowEmail={session.edition !== 'cn'}
            onIdentityChange={setIdentity}
            onSent={setSent}
          />
        </>
      )}
      <p>
        <Link to="/login" state={signInState}>
          {t('recovery.backToSignIn')}
        </Link>
      </p>
    </main>
  );
}
