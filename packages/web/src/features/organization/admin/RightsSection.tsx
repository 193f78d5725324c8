import { OrgRightsRequestList, type OrgRightsRequest } from '@carillon/protocol/org-data';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../../app/services';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { announceRightsAnswer } from '../rights-answers';
import { useConsole } from './AdminConsole';
import { RightsRequestItem } from './RightsRequestItem';

/**
 * The parts of members' data-rights requests routed to the organization as
 * controller of its data (ORG-4), in the server's order: open first, overdue
 * and nearest deadline first. The main administrator answers each in place.
 */
export function RightsSection() {
  const { t } = useTranslation();
  const { api } = useServices();
  const { organization } = useConsole();
  const path = `/api/organizations/${organization.id}/rights-requests`;
  const [requests, setRequests] = useState<OrgRightsRequest[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api
      .get(path, { schema: OrgRightsRequestList })
      .then((list) => setRequests(list.requests), setError);
  }, [api, path]);

  const handleAnswered = (answered: OrgRightsRequest) => {
    setRequests((list) => list?.map((r) => (r.id === answered.id ? answered : r)) ?? null);
    announceRightsAnswer(answered.id);
  };

  return (
    <section aria-labelledby="org-rights-title" className="stack">
      <h2 id="org-rights-title">{t('orgAdmin.rights.title')}</h2>
      <p className="hint">{t('orgAdmin.rights.explain')}</p>
      <ErrorMessage error={error} />
      {requests === null && !error ? <p role="status">{t('app.loading')}</p> : null}
      {requests?.length === 0 ? <p>{t('orgAdmin.rights.empty')}</p> : null}
      {requests && requests.length > 0 ? (
        <ul className="card-list" aria-labelledby="org-rights-title">
          {requests.map((request) => (
            <RightsRequestItem
              key={request.id}
              request={request}
              path={`${path}/${request.id}`}
              onAnswered={handleAnswered}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
