import { RequestCodeResult } from '@carillon/protocol/auth';
import { RightsRequest } from '@carillon/protocol/rights';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { useSession } from '../../session/session-context';
import { CONFIRMING_PASSWORD, ErrorMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/TextField';
import { CodeField } from '../auth/CodeField';

/**
 * Confirms a submitted request with the account password and the one-time
 * code sent to the account's phone or e-mail; nothing happens before that.
 * An account with neither (an enterprise account) confirms with its password.
 */
export function VerifyRequestForm({
  requestId,
  sentTo,
  onVerified,
}: {
  requestId: string;
  /** Where the code went (masked), when it was just sent. */
  sentTo: string | null;
  onVerified: (request: RightsRequest) => void;
}) {
  const { t } = useTranslation();
  const { api } = useServices();
  const { account } = useSession();
  const passwordOnly = account !== null && account.phone === null && account.email === null;
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [destination, setDestination] = useState(sentTo);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const base = `/api/privacy/requests/${requestId}`;

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onVerified(
        await api.post(`${base}/verify`, {
          body: passwordOnly ? { password } : { password, code: code.trim() },
          schema: RightsRequest,
        }),
      );
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const handleResend = async () => {
    setError(null);
    try {
      setDestination((await api.post(`${base}/code`, { schema: RequestCodeResult })).sentTo);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <form
      onSubmit={(event) => void handleSubmit(event)}
      className="stack"
      aria-label={t('privacy.verify.title')}
    >
      {passwordOnly ? (
        <p className="hint">{t('privacy.verify.passwordOnly')}</p>
      ) : destination ? (
        <p role="status">{t('privacy.verify.sent', { to: destination })}</p>
      ) : (
        <p className="hint">{t('privacy.verify.earlier')}</p>
      )}
      {passwordOnly ? null : <p className="hint">{t('signup.outboxHelp')}</p>}
      <TextField
        label={t('auth.password')}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      {passwordOnly ? null : <CodeField value={code} onChange={setCode} />}
      <ErrorMessage error={error} wording={CONFIRMING_PASSWORD} />
      <div className="card-actions">
        <button type="submit" disabled={busy}>
          {t('privacy.verify.confirm')}
        </button>
        {passwordOnly ? null : (
          <button type="button" className="secondary" onClick={() => void handleResend()}>
            {t('privacy.verify.resend')}
          </button>
        )}
      </div>
    </form>
  );
}
