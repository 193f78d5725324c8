import { RequestCodeResult } from '@carillon/protocol/auth';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useServices } from '../../app/services';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { IdentityField, type IdentityValue } from './IdentityField';
import { identityBody } from './identity';

/** Where a code went: the masked destination the server reports. */
export type SentCode = z.infer<typeof RequestCodeResult>;

/** Step one of sign-up: the phone number (or e-mail) and a one-time code sent to it. */
export function SendCodeStep({
  identity,
  allowEmail,
  onIdentityChange,
  onSent,
}: {
  identity: IdentityValue;
  allowEmail: boolean;
  onIdentityChange: (value: IdentityValue) => void;
  onSent: (sent: SentCode) => void;
}) {
  const { t } = useTranslation();
  const { api } = useServices();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSent(
        await api.post('/api/auth/codes', {
          body: { purpose: 'register', ...identityBody(identity) },
          schema: RequestCodeResult,
        }),
      );
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} className="stack">
      <IdentityField value={identity} allowEmail={allowEmail} onChange={onIdentityChange} />
      <ErrorMessage error={error} />
      <button type="submit" disabled={busy}>
        {t('signup.sendCode')}
      </button>
    </form>
  );
}
