import {
  CreateRightsRequestResult,
  RightsRequestList,
  type RightsRequest,
} from '@carillon/protocol/rights';
import { useCallback, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useServices } from '../../app/services';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useLoad } from './use-load';
import { VerifyRequestForm } from './VerifyRequestForm';

/**
 * Account cancellation: what happens (every session ends, a cooling-off
 * period in which signing in withdraws it, then erasure), a reason if one
 * wants, and the confirmation with password and code.
 */
export function CancelAccountPage() {
  const { t } = useTranslation();
  const { api } = useServices();
  const navigate = useNavigate();
  const id = useId();
  const [reason, setReason] = useState('');
  const [created, setCreated] = useState<{ id: string; sentTo: string | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const list = useLoad(
    useCallback(() => api.get('/api/privacy/requests', { schema: RightsRequestList }), [api]),
  );
  // A cancellation submitted earlier and not yet confirmed is picked up again.
  const pending = list.value?.requests.find(
    (r) => r.kind === 'cancel_account' && r.status === 'submitted',
  );
  const waiting = created ?? (pending ? { id: pending.id, sentTo: null } : null);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const result = await api.post('/api/privacy/requests', {
        body: { kind: 'cancel_account', ...(reason.trim() ? { reason: reason.trim() } : {}) },
        schema: CreateRightsRequestResult,
      });
      setCreated({ id: result.request.id, sentTo: result.code?.sentTo ?? null });
    } catch (failure) {
      setError(failure);
    }
  };

  const handleVerified = (request: RightsRequest) => {
    // Every session has ended, this one too: say when erasure begins, outside the signed-in shell
    // (which forgets the account there; forgetting it here would send the shell to /login first).
    void navigate(`/account-cancelled?until=${request.coolingOffEndsAt ?? ''}`, { replace: true });
  };

  return (
    <section aria-labelledby={`${id}-title`} className="stack">
      <h2 id={`${id}-title`}>{t('privacy.cancel.title')}</h2>
      <ul>
        <li>{t('privacy.cancel.sessions')}</li>
        <li>{t('privacy.cancel.coolingOff')}</li>
        <li>{t('privacy.cancel.erasure')}</li>
      </ul>
      <ErrorMessage error={list.error ?? error} />
      {waiting ? (
        <VerifyRequestForm
          requestId={waiting.id}
          sentTo={waiting.sentTo}
          onVerified={handleVerified}
        />
      ) : (
        <form onSubmit={(event) => void handleSubmit(event)} className="stack">
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('privacy.cancel.reason')}</label>
            <textarea
              id={`${id}-reason`}
              rows={3}
              maxLength={4000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
          <button type="submit">{t('privacy.cancel.submit')}</button>
        </form>
      )}
    </section>
  );
}
