import { GuardianRequest } from '@carillon/protocol/privacy';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useServices } from '../../app/services';
import { ErrorMessage } from '../../ui/ErrorMessage';

/**
 * `/guardian?request=…`: a signed-in adult approves a child's account as
 * their guardian (PRIV-10); the consent is recorded in the ledger as theirs.
 */
export function GuardianApprovePage() {
  const { t } = useTranslation();
  const { api } = useServices();
  const [params] = useSearchParams();
  const requestId = params.get('request') ?? '';
  const [approved, setApproved] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const handleApprove = async () => {
    setError(null);
    try {
      await api.post(`/api/privacy/guardian/${encodeURIComponent(requestId)}/approve`, {
        schema: GuardianRequest,
      });
      setApproved(true);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <div className="page stack">
      <h1>{t('privacy.guardian.approveTitle')}</h1>
      <p>{t('privacy.guardian.approveExplain')}</p>
      {approved ? (
        <p role="status">{t('privacy.guardian.approved')}</p>
      ) : (
        <button type="button" disabled={!requestId} onClick={() => void handleApprove()}>
          {t('privacy.guardian.approve')}
        </button>
      )}
      <ErrorMessage error={error} />
    </div>
  );
}
