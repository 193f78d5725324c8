import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { CodeField } from './CodeField';
import { redeemFailure, requestCode, sendFailure, useCodeCalls, type SentCode } from './codes';
import type { IdentityValue } from './IdentityField';
import { identityBody } from './identity';
import { useSignIn } from './sign-in';
import '../privacy/privacy.css';

/** A personal sign-in the server refused as frozen: what was typed, which it had accepted. */
export interface FrozenSignIn {
  identity: IdentityValue;
  password: string;
}

/**
 * Unfreezes a personal account from the sign-in page (ACC-7): a code goes
 * to the phone number or e-mail typed; with it and the password typed the
 * account is unfrozen and signed in. The server says "frozen" only once the
 * password matched, so it is not asked for again.
 */
export function UnfreezeSection({
  frozen,
  onSignedIn,
  onBack,
}: {
  frozen: FrozenSignIn;
  onSignedIn: () => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const { api, now } = useServices();
  const signIn = useSignIn();
  const [sent, setSent] = useState<SentCode | null>(null);
  const [code, setCode] = useState('');
  const [unfrozen, setUnfrozen] = useState(false);
  const { failure, busy, run } = useCodeCalls();
  const credentials = { ...identityBody(frozen.identity), password: frozen.password };

  const handleSend = () =>
    run(async () => {
      setSent(await requestCode(api, 'unfreeze', frozen.identity));
      setCode('');
    }, sendFailure);

  const handleUnfreeze = (event: FormEvent, sentCode: SentCode) => {
    event.preventDefault();
    return run(
      async () => {
        await api.post('/api/auth/unfreeze', { body: { ...credentials, code: code.trim() } });
        try {
          await signIn(credentials);
        } catch (error) {
          setUnfrozen(true);
          throw error;
        }
        onSignedIn();
      },
      (error) => redeemFailure(error, sentCode, now()),
    );
  };

  const back = (
    <button type="button" className="secondary" onClick={onBack}>
      {t('recovery.backToSignIn')}
    </button>
  );
  const error = <ErrorMessage error={failure?.error} wording={failure?.wording} />;

  // Unfrozen, but signing in right after failed (the network, say): the person signs in by hand.
  if (unfrozen)
    return (
      <div className="stack">
        <p role="status">{t('recovery.unfreeze.unfrozen')}</p>
        {error}
        <div className="card-actions">{back}</div>
      </div>
    );

  if (!sent)
    return (
      <div className="stack">
        <p role="alert" className="error">
          {t('errors.account_frozen')}
        </p>
        <p>
          {t('recovery.unfreeze.explain', {
            to: 'phone' in credentials ? credentials.phone : credentials.email,
          })}
        </p>
        {error}
        <div className="card-actions">
          <button type="button" disabled={busy} onClick={() => void handleSend()}>
            {t('recovery.unfreeze.start')}
          </button>
          {back}
        </div>
      </div>
    );

  return (
    <form onSubmit={(event) => void handleUnfreeze(event, sent)} className="stack">
      <p role="status">{t('signup.codeSent', { to: sent.sentTo })}</p>
      <p className="hint">{t('signup.outboxHelp')}</p>
      <CodeField value={code} onChange={setCode} />
      {error}
      <div className="card-actions">
        <button type="submit" disabled={busy}>
          {t('recovery.unfreeze.submit')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void handleSend()}
        >
          {t('recovery.resendCode')}
        </button>
        {back}
      </div>
    </form>
  );
}
