import { z } from 'zod';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useServices } from '../../app/services';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/TextField';
import { tokenFromLink } from '../contacts/QrSection';

const Joined = z.object({ organizationId: z.uuid() });

/** Join with an 8-character code or a pasted invite link, or apply to an organization by its id. */
export function JoinOrgForms() {
  const { t } = useTranslation();
  const { api } = useServices();
  const navigate = useNavigate();
  const [invite, setInvite] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const [message, setMessage] = useState('');
  const [applied, setApplied] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const handleJoin = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const text = invite.trim();
    const body = /^[A-Za-z0-9]{8}$/.test(text) ? { code: text } : { token: tokenFromLink(text) };
    try {
      const joined = await api.post('/api/organizations/join', { body, schema: Joined });
      void navigate(`/org/${joined.organizationId}`);
    } catch (failure) {
      setError(failure);
    }
  };
  const handleApply = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setApplied(false);
    try {
      await api.post('/api/organizations/applications', {
        body: { organizationId: organizationId.trim(), ...(message.trim() ? { message } : {}) },
      });
      setApplied(true);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <>
      <form
        onSubmit={(event) => void handleJoin(event)}
        className="stack"
        aria-labelledby="join-org"
      >
        <h2 id="join-org">{t('org.join')}</h2>
        <TextField
          label={t('org.joinCodeOrLink')}
          hint={t('org.joinHint')}
          required
          value={invite}
          onChange={(event) => setInvite(event.target.value)}
        />
        <button type="submit">{t('org.joinButton')}</button>
      </form>
      <form
        onSubmit={(event) => void handleApply(event)}
        className="stack"
        aria-labelledby="apply-org"
      >
        <h2 id="apply-org">{t('org.apply')}</h2>
        <TextField
          label={t('org.applyId')}
          required
          value={organizationId}
          onChange={(event) => setOrganizationId(event.target.value)}
        />
        <TextField
          label={t('org.applyMessage')}
          maxLength={200}
          value={message}
          onChange={(event) => setMessage(event.target.value)}
        />
        <button type="submit" className="secondary">
          {t('org.applyButton')}
        </button>
        {applied ? <p role="status">{t('org.applied')}</p> : null}
      </form>
      <ErrorMessage error={error} />
    </>
  );
}
