import { OperatorRightsRequest } from '@carillon/protocol/rights';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { ErrorMessage } from '../../ui/ErrorMessage';
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
  const { t, i18n } = useTranslation();
  const { api } = useOperator();
  const id = useId();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const kind = t(`privacy.kind.${request.kind}`);
  const base = `/api/operator/rights-requests/${request.id}`;

  const act = async (action: 'fulfil' | 'refuse') => {
    setError(null);
    try {
      const body =
        action === 'fulfil'
          ? note.trim()
            ? { note: note.trim() }
            : {}
          : { reason: reason.trim() };
      onClosed(await api.post(`${base}/${action}`, { body, schema: OperatorRightsRequest }));
    } catch (failure) {
      setError(failure);
    }
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
          date: formatDateTime(request.deadlineAt, i18n.language),
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
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('operator.queue.note')}</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <button type="button" onClick={() => void act('fulfil')}>
        {t('operator.queue.fulfil', { kind })}
      </button>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('operator.queue.reason')}</label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <button
        type="button"
        className="secondary"
        disabled={reason.trim().length < 10}
        onClick={() => void act('refuse')}
      >
        {t('operator.queue.refuse', { kind })}
      </button>
      <ErrorMessage error={error} />
    </li>
  );
}
