import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { CodeField } from './CodeField';
import { redeemFailure, requestCode, sendFailure, useCodeCalls, type SentCode } from './codes';
import type { IdentityValue } from './IdentityField';
import { identityBody } from './identity';
import { NewPasswordField } from './NewPasswordField';
import '../privacy/privacy.css';

/**
 * Step two of a password reset: the code and the new password (the server
 * checks its strength before it spends the code). The server answers a code
 * request alike whether or not an account uses the number or address, so
 * this step says "if an account uses it".
 */
export function ResetStep({
  identity,
  sent,
  onSent,
  onDone,
}: {
  identity: IdentityValue;
  sent: SentCode;
  /** A new code went out. */
  onSent: (sent: SentCode) => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { api, now } = useServices();
  const [code, setCode] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const { failure, busy, run } = useCodeCalls();

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    return run(
      async () => {
        await api.post('/api/auth/password-reset', {
          body: { ...identityBody(identity), code: code.trim(), newPassword },
        });
        onDone();
      },
      (error) => redeemFailure(error, sent, now()),
    );
  };

  const handleResend = () =>
    run(async () => {
      onSent(await requestCode(api, 'reset_password', identity));
      setCode('');
    }, sendFailure);

  return (
    <form onSubmit={(event) => void handleSubmit(event)} className="stack">
      <p role="status">{t('recovery.reset.codeSent', { to: sent.sentTo })}</p>
      <p className="hint">{t('signup.outboxHelp')}</p>
      <CodeField value={code} onChange={setCode} />
      <NewPasswordField
        label={t('recovery.reset.newPassword')}
        value={newPassword}
        onChange={setNewPassword}
      />
      <ErrorMessage error={failure?.error} wording={failure?.wording} />
      <div className="card-actions">
        <button type="submit" disabled={busy}>
          {t('recovery.reset.submit')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void handleResend()}
        >
          {t('recovery.resendCode')}
        </button>
      </div>
    </form>
  );
}
