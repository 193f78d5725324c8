import { z } from 'zod';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useServices } from '../../app/services';
import { ErrorMessage } from '../../ui/ErrorMessage';

const Joined = z.object({ organizationId: z.uuid() });

/** `/org/join?token=…`: where an organization's invite link leads; joining waits for a press. */
export function JoinOrgPage() {
  const { t } = useTranslation();
  const { api } = useServices();
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const handleJoin = async () => {
    setError(null);
    try {
      const joined = await api.post('/api/organizations/join', { body: { token }, schema: Joined });
      void navigate(`/org/${joined.organizationId}`);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section className="page stack" aria-labelledby="join-org-title">
      <h1 id="join-org-title">{t('org.join')}</h1>
      <p>{t('org.joinExplain')}</p>
      <ErrorMessage error={error} />
      <button type="button" onClick={() => void handleJoin()}>
        {t('org.joinButton')}
      </button>
      <Link to="/org">{t('org.back')}</Link>
    </section>
  );
}
