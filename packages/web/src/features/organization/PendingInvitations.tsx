import { PendingInvitationList } from '@carillon/protocol/organizations';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useNavigate } from 'react-router';
import { useServices } from '../../app/services';
import { ErrorMessage } from '../../ui/ErrorMessage';

type PendingInvitation = z.infer<typeof PendingInvitationList>['invitations'][number];

/** Invitations sent to my phone number by an organization's administrators: accept or decline. */
export function PendingInvitations() {
  const { t } = useTranslation();
  const { api } = useServices();
  const navigate = useNavigate();
  const [invitations, setInvitations] = useState<PendingInvitation[]>([]);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    try {
      setInvitations(
        (await api.get('/api/organization-invitations', { schema: PendingInvitationList }))
          .invitations,
      );
    } catch (failure) {
      setError(failure);
    }
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  const answer = async (invitation: PendingInvitation, accept: boolean) => {
    setError(null);
    try {
      await api.post(
        `/api/organization-invitations/${invitation.id}/${accept ? 'accept' : 'decline'}`,
      );
      if (accept) void navigate(`/org/${invitation.organizationId}`);
      else await load();
    } catch (failure) {
      setError(failure);
    }
  };

  if (invitations.length === 0) return <ErrorMessage error={error} />;
  return (
    <section aria-labelledby="org-invitations">
      <h2 id="org-invitations">{t('org.invitations')}</h2>
      <ErrorMessage error={error} />
      <ul className="people-list" aria-label={t('org.invitations')}>
        {invitations.map((invitation) => (
          <li key={invitation.id}>
            <span className="person-name">{invitation.organizationName}</span>
            <button
              type="button"
              aria-label={t('org.acceptInvitation', { name: invitation.organizationName })}
              onClick={() => void answer(invitation, true)}
            >
              {t('org.accept')}
            </button>
            <button
              type="button"
              className="secondary"
              aria-label={t('org.declineInvitation', { name: invitation.organizationName })}
              onClick={() => void answer(invitation, false)}
            >
              {t('org.decline')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
