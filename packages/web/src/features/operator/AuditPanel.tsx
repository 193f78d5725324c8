import { AuditVerifyResult } from '@carillon/protocol/audit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useOperator } from './operator-session';

/** Recomputes the audit log's hash chain and checkpoint signatures and lists what is wrong. */
export function AuditPanel() {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { api } = useOperator();
  const [result, setResult] = useState<AuditVerifyResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const handleVerify = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await api.get('/api/operator/audit/verify', { schema: AuditVerifyResult }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="audit-title" className="stack">
      <h1 id="audit-title">{t('operator.audit.title')}</h1>
      <p className="hint">{t('operator.audit.hint')}</p>
      <button type="button" disabled={busy} onClick={() => void handleVerify()}>
        {t('operator.audit.verify')}
      </button>
      <ErrorMessage error={error} />
      {result ? (
        <div role="status" className="card">
          <p>
            <strong>{t(result.ok ? 'operator.audit.ok' : 'operator.audit.broken')}</strong>
          </p>
          <p>
            {t('operator.audit.counts', {
              entries: formatNumber(result.entries, locale),
              checkpoints: formatNumber(result.checkpoints, locale),
            })}
          </p>
          {result.problems.length > 0 ? (
            <ul aria-label={t('operator.audit.problems')}>
              {result.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
