import { JoinResult } from '@carillon/protocol/messaging';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useServices } from '../../app/services';
import { ErrorMessage } from '../../ui/ErrorMessage';

/**
 * `/groups/join?token=…`: where an invite link leads (a query, because tokens hold dots). Joining waits for a
 * press (a link alone never adds anyone); with join approval on, a request
 * is filed instead and the page says so.
 */
export function JoinGroupPage() {
  const { t } = useTranslation();
  const { api } = useServices();
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const handleJoin = async () => {
    setError(null);
    try {
      const result = await api.post('/api/conversations/join', {
        body: { token },
        schema: JoinResult,
      });
      if (result.pending) setPending(true);
      else void navigate(`/groups/${result.id}`);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section className="page stack" aria-labelledby="join-title">
      <h1 id="join-title">{t('groups.joinTitle')}</h1>
      <p>{t('groups.joinExplain')}</p>
      <ErrorMessage error={error} />
      {pending ? (
        <p role="status">{t('groups.joinPending')}</p>
      ) : (
        <button type="button" onClick={() => void handleJoin()}>
          {t('groups.join')}
        </button>
      )}
      <Link to="/groups">{t('groups.back')}</Link>
    </section>
  );
}
