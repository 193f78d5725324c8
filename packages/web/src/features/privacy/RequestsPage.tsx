import { RightsRequestList, type RightsRequest } from '@carillon/protocol/rights';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useServices } from '../../app/services';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { NewRequestForm } from './NewRequestForm';
import { RequestItem } from './RequestItem';
import { useLoad } from './use-load';

/** Data-rights requests: a form for a new one, and every request with its status and deadline. */
export function RequestsPage() {
  const { t } = useTranslation();
  const { api } = useServices();
  const list = useLoad(
    useCallback(() => api.get('/api/privacy/requests', { schema: RightsRequestList }), [api]),
  );
  // Where the newest code went, per request just submitted in this visit.
  const [sentTo, setSentTo] = useState<Record<string, string>>({});
  const handleChanged = (_request: RightsRequest) => void list.reload();
  return (
    <div className="stack">
      <NewRequestForm
        onCreated={(created) => {
          const to = created.code?.sentTo;
          if (to) setSentTo((s) => ({ ...s, [created.request.id]: to }));
          void list.reload();
        }}
      />
      <p className="hint">
        {t('privacy.requests.cancelHint')}{' '}
        <Link to="/privacy/cancel">{t('privacy.section.cancel')}</Link>
      </p>
      <section aria-labelledby="requests-title" className="stack">
        <h2 id="requests-title">{t('privacy.requests.title')}</h2>
        <ErrorMessage error={list.error} />
        {list.value?.requests.length === 0 ? (
          <p className="hint">{t('privacy.requests.none')}</p>
        ) : null}
        <ul className="card-list" aria-label={t('privacy.requests.title')}>
          {list.value?.requests.map((request) => (
            <RequestItem
              key={request.id}
              request={request}
              sentTo={sentTo[request.id] ?? null}
              onChanged={handleChanged}
            />
          ))}
        </ul>
      </section>
    </div>
  );
}
