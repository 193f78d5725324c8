import { ConsentHistory, ConsentReceiptResult } from '@carillon/protocol/privacy';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { formatDateTime } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { saveFile } from './download';
import { policyLang, useLoad } from './use-load';

/**
 * The consent ledger, newest first. Every grant (and every policy
 * acceptance) has a signed Kantara receipt to download. Remounted (keyed)
 * after every switch, so it re-reads the ledger.
 */
export function ConsentHistoryList({ titles }: { titles: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const locale = useFormatLocale();
  const { api } = useServices();
  const lang = policyLang(i18n.language);
  const history = useLoad(
    useCallback(() => api.get('/api/privacy/consents/history', { schema: ConsentHistory }), [api]),
  );
  const [error, setError] = useState<unknown>(null);

  const handleReceipt = async (recordId: string) => {
    setError(null);
    try {
      const result = await api.get(`/api/privacy/consents/${recordId}/receipt`, {
        query: { lang },
        schema: ConsentReceiptResult,
      });
      saveFile(
        `consent-receipt-${recordId}.json`,
        JSON.stringify(result, null, 2),
        'application/json',
      );
    } catch (failure) {
      setError(failure);
    }
  };

  const purposeName = (purpose: string) =>
    purpose === 'policy' ? t('privacy.history.policy') : (titles[purpose] ?? purpose);
  return (
    <section aria-labelledby="history-title" className="stack">
      <h2 id="history-title">{t('privacy.history.title')}</h2>
      <p className="hint">{t('privacy.history.hint')}</p>
      <ErrorMessage error={history.error ?? error} />
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">{t('privacy.history.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('privacy.history.when')}</th>
              <th scope="col">{t('privacy.history.what')}</th>
              <th scope="col">{t('privacy.history.how')}</th>
              <th scope="col">{t('privacy.history.receipt')}</th>
            </tr>
          </thead>
          <tbody>
            {history.value?.records.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.recordedAt, locale)}</td>
                <td>
                  {t(`privacy.history.${r.action}`, {
                    purpose: purposeName(r.purpose),
                    version: r.policyVersion,
                  })}
                </td>
                <td>{t(`privacy.history.method.${r.method}`)}</td>
                <td>
                  {r.action === 'granted' ? (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => void handleReceipt(r.id)}
                      aria-label={t('privacy.history.download', {
                        purpose: purposeName(r.purpose),
                        date: formatDateTime(r.recordedAt, locale),
                      })}
                    >
                      {t('privacy.history.downloadShort')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
