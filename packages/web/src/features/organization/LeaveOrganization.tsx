import type { Organization } from '@carillon/protocol/organizations';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useServices } from '../../app/services';
import { useSession } from '../../session/session-context';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorMessage } from '../../ui/ErrorMessage';

/**
 * Leaving (ORG-5): the organization's groups, its directory and every work
 * chat go at once; the main administrator hands the role over first.
 */
export function LeaveOrganization({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const { api } = useServices();
  const { account } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  if (!account || organization.myRole === 'main_admin') return null;

  const handleLeave = async () => {
    setError(null);
    try {
      await api.delete(`/api/organizations/${organization.id}/members/${account.id}`);
      void navigate('/org');
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <div className="stack">
      <ConfirmButton
        label={t('org.leave')}
        question={t('org.leaveQuestion', { name: organization.name })}
        confirmLabel={t('org.leaveConfirm')}
        cancelLabel={t('org.cancel')}
        onConfirm={() => void handleLeave()}
      />
      <ErrorMessage error={error} />
    </div>
  );
}
