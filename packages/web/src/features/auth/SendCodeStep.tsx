import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { requestCode, sendFailure, useCodeCalls, type SentCode } from './codes';
import { IdentityField, type IdentityValue } from './IdentityField';

/** Step one of sign-up or of a password reset: the phone number (or e-mail) and a one-time code sent to it. */
export function SendCodeStep({
  purpose,
  identity,
  allowEmail,
  onIdentityChange,
  onSent,
}: {
  purpose: 'register' | 'reset_password';
  identity: IdentityValue;
  allowEmail: boolean;
  onIdentityChange: (value: IdentityValue) => void;
  onSent: (sent: SentCode) => void;
}) {
  const { t } = useTranslation();
  const { api } = useServices();
  const { failure, busy, run } = useCodeCalls();

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => onSent(await requestCode(api, purpose, identity)), sendFailure);
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} className="stack">
      <IdentityField value={identity} allowEmail={allowEmail} onChange={onIdentityChange} />
      <ErrorMessage error={failure?.error} wording={failure?.wording} />
      <button type="submit" disabled={busy}>
        {t('signup.sendCode')}
      </button>
    </form>
  );
}
