import { OperatorRightsRequest } from '@carillon/protocol/rights';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { RightsAnswerForms, type RightsAnswer } from '../privacy/RightsAnswerForms';
import { useOperator } from './operator-session';

/** What was asked, as lines `field: value` (the kind is the card's title). */
export function describeSubmitted(submitted: OperatorRightsRequest['submitted']): string[] {
  return Object.entries(submitted)
    .filter(([key]) => key !== 'kind')
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
}

/** One queued request: deadline, what was asked, and fulfil (with a note) or refuse (with a reason). */
export function QueueItem({
  request,
  onClosed,
}: {
  request: OperatorRightsRequest;
  onClosed: (request: OperatorRightsRequest) => void;
}) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { api } = useOperator();
  const id = useId();
  const kind = t(`privacy.kind.${request.kind}`);

  const handleAnswer = async ({ action, body }: RightsAnswer) => {
    const path = `/api/operator/rights-requests/${request.id}/${action}`;
    onClosed(await api.post(path, { body, schema: OperatorRightsRequest }));
  };

  return (
    <li className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{kind}</h2>
      <p>
        {request.overdue ? (
          <span className="tag tag-warning">{t('privacy.requests.overdue')}</span>
        ) : null}
        <span className="tag">{t(`privacy.status.${request.status}`)}</span>
      </p>
      <p className="hint">
        {t('privacy.requests.deadline', {
          date: formatDateTime(request.deadlineAt, locale),
          count: request.daysLeft ?? 0,
        })}
        {' · '}
        {t('operator.queue.person', { id: request.userId ?? '—' })}
      </p>
      <ul aria-label={t('operator.queue.asked')}>
        {describeSubmitted(request.submitted).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {request.answer ? <p>{request.answer}</p> : null}
      <RightsAnswerForms
        labels={{
          note: t('operator.queue.note'),
          fulfil: t('operator.queue.fulfil', { kind }),
          reason: t('operator.queue.reason'),
          reasonHint: t('operator.queue.reasonHint'),
          refuse: t('operator.queue.refuse', { kind }),
        }}
        onAnswer={handleAnswer}
      />
    </li>
  );
}
