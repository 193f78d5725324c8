import { RightsRequest } from '@carillon/protocol/rights';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { formatDateTime } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { AccessReportView } from './AccessReportView';
import { RoutedParts } from './RoutedParts';
import { VerifyRequestForm } from './VerifyRequestForm';

/**
 * Whether its owner may call it off (POST …/withdraw): before confirming it,
 * or while it waits for an operator. A cancellation under way is withdrawn
 * by signing in, which a signed-in screen cannot show.
 */
export function withdrawable(request: RightsRequest): boolean {
  return (
    request.status === 'submitted' ||
    (request.status === 'in_progress' &&
      request.awaitingOperator &&
      request.kind !== 'cancel_account')
  );
}

/**
 * One request: kind, status, deadline and days left, the answer or the
 * reason for a refusal, the parts sent to organizations; the access report,
 * the export download, or the confirmation form while it waits for one.
 */
export function RequestItem({
  request,
  sentTo,
  onChanged,
}: {
  request: RightsRequest;
  sentTo: string | null;
  onChanged: (request: RightsRequest) => void;
}) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { api } = useServices();
  const [error, setError] = useState<unknown>(null);
  const handleWithdraw = async () => {
    setError(null);
    try {
      onChanged(
        await api.post(`/api/privacy/requests/${request.id}/withdraw`, { schema: RightsRequest }),
      );
    } catch (failure) {
      setError(failure);
    }
  };
  const kind = t(`privacy.kind.${request.kind}`);
  const date = (ms: number) => formatDateTime(ms, locale);
  const titleId = `request-${request.id}`;
  return (
    <li className="card" aria-labelledby={titleId}>
      <h3 id={titleId}>{kind}</h3>
      <p>
        <span className="tag">{t(`privacy.status.${request.status}`)}</span>
        {request.overdue ? (
          <span className="tag tag-warning">{t('privacy.requests.overdue')}</span>
        ) : null}
        {request.awaitingOperator ? (
          <span className="tag">{t('privacy.requests.awaitingOperator')}</span>
        ) : null}
      </p>
      <p className="hint">
        {t('privacy.requests.submittedAt', { date: date(request.createdAt) })}
        {' · '}
        {request.daysLeft === null
          ? t('privacy.requests.closedAt', { date: date(request.closedAt ?? request.createdAt) })
          : t('privacy.requests.deadline', {
              date: date(request.deadlineAt),
              count: request.daysLeft,
            })}
      </p>
      {request.coolingOffEndsAt && request.status === 'in_progress' ? (
        <p>{t('privacy.cancel.until', { date: date(request.coolingOffEndsAt) })}</p>
      ) : null}
      {request.answeredByOrganization ? <p>{t('privacy.routed.byOrganization')}</p> : null}
      {request.answer ? <p>{request.answer}</p> : null}
      {request.refusalReason ? (
        <p>{t('privacy.requests.refused', { reason: request.refusalReason })}</p>
      ) : null}
      {request.status === 'submitted' ? (
        <VerifyRequestForm requestId={request.id} sentTo={sentTo} onVerified={onChanged} />
      ) : null}
      {withdrawable(request) ? (
        <p>
          <button type="button" className="secondary" onClick={() => void handleWithdraw()}>
            {t('privacy.requests.withdraw')}
          </button>
        </p>
      ) : null}
      <ErrorMessage error={error} />
      <RoutedParts parts={request.organizations} />
      {request.answeredByOrganization ? null : <OwnDownloads request={request} />}
    </li>
  );
}

/** The access report or export archive of a fulfilled request Carillon answered itself. */
function OwnDownloads({ request }: { request: RightsRequest }) {
  const { t } = useTranslation();
  const { api } = useServices();
  const [showReport, setShowReport] = useState(false);
  return (
    <>
      {request.status === 'fulfilled' && request.kind === 'copy' ? (
        <p>
          <a href={api.url(`/api/privacy/requests/${request.id}/export`)} download>
            {t('privacy.requests.download')}
          </a>
        </p>
      ) : null}
      {request.status === 'fulfilled' && request.kind === 'access' ? (
        <>
          <button
            type="button"
            className="secondary"
            aria-expanded={showReport}
            onClick={() => setShowReport(!showReport)}
          >
            {t(showReport ? 'privacy.report.hide' : 'privacy.report.show')}
          </button>
          {showReport ? <AccessReportView requestId={request.id} /> : null}
        </>
      ) : null}
    </>
  );
}
