import { OperatorRightsRequestList, type OperatorRightsRequest } from '@carillon/protocol/rights';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useOperator } from './operator-session';
import { PurposeForm } from './PurposeForm';
import { QueueItem } from './QueueItem';

/** Requests that need a person, overdue first (as the server orders them), read with a purpose. */
export function RightsQueuePanel() {
  const { t } = useTranslation();
  const { api } = useOperator();
  const [requests, setRequests] = useState<OperatorRightsRequest[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const handleRead = async (purpose: string) => {
    setError(null);
    setDone(null);
    try {
      const list = await api.get('/api/operator/rights-requests', {
        query: { purpose },
        schema: OperatorRightsRequestList,
      });
      setRequests(list.requests);
    } catch (failure) {
      setError(failure);
    }
  };

  const handleClosed = (closed: OperatorRightsRequest) => {
    setRequests((list) => list?.filter((r) => r.id !== closed.id) ?? null);
    setDone(
      t('operator.queue.closed', {
        kind: t(`privacy.kind.${closed.kind}`),
        status: t(`privacy.status.${closed.status}`),
      }),
    );
  };

  return (
    <section aria-labelledby="queue-title" className="stack">
      <h1 id="queue-title">{t('operator.queue.title')}</h1>
      <p className="hint">{t('operator.queue.hint')}</p>
      <PurposeForm submitLabel={t('operator.queue.read')} onRead={(p) => void handleRead(p)} />
      <ErrorMessage error={error} />
      {done ? <p role="status">{done}</p> : null}
      {requests?.length === 0 ? <p className="hint">{t('operator.queue.empty')}</p> : null}
      {requests && requests.length > 0 ? (
        <ul className="card-list" aria-label={t('operator.queue.title')}>
          {requests.map((request) => (
            <QueueItem key={request.id} request={request} onClosed={handleClosed} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
