import { AccessReportResult } from '@carillon/protocol/rights';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useLoad } from './use-load';

/** The answer to an access request: per kind of data, why, on what basis, how long, how many. */
export function AccessReportView({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { api } = useServices();
  const report = useLoad(
    useCallback(
      () => api.get(`/api/privacy/requests/${requestId}/report`, { schema: AccessReportResult }),
      [api, requestId],
    ),
  );
  if (!report.value) return <ErrorMessage error={report.error} />;
  const r = report.value;
  const none = t('privacy.report.none');
  return (
    <div className="stack">
      <p className="hint">
        {t('privacy.report.generated', {
          date: formatDateTime(r.generatedAt, locale),
          region: r.storageRegion,
        })}
      </p>
      <div className="table-scroll">
        <table className="data-table">
          <caption>{t('privacy.report.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('privacy.report.data')}</th>
              <th scope="col">{t('privacy.report.purposes')}</th>
              <th scope="col">{t('privacy.report.basis')}</th>
              <th scope="col">{t('privacy.report.retention')}</th>
              <th scope="col">{t('privacy.report.records')}</th>
            </tr>
          </thead>
          <tbody>
            {r.items.map((item) => (
              <tr key={`${item.table}:${item.controller}`}>
                <td>
                  {item.description}
                  {item.restricted ? (
                    <span className="tag">{t('privacy.report.restricted')}</span>
                  ) : null}
                  <br />
                  <small className="hint">{item.categories.join(', ')}</small>
                </td>
                <td>{item.purposes.join(', ')}</td>
                <td>{item.legalBasis.join(', ')}</td>
                <td>{item.retention}</td>
                <td>{formatNumber(item.records, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>{t('privacy.report.sources', { list: r.sources.join('; ') || none })}</p>
      <p>{t('privacy.report.recipients', { list: r.recipients.join('; ') || none })}</p>
      <p>{t('privacy.report.automated', { list: r.automatedDecisions.join('; ') || none })}</p>
    </div>
  );
}
