import { RequestSent } from '@carillon/protocol/contacts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { useSession } from '../../session/session-context';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { defaultCountry } from '../auth/countries';
import { IdentityField, type IdentityValue } from '../auth/IdentityField';
import { identityBody } from '../auth/identity';

/**
 * A friend request by exact phone number or e-mail. The server answers the
 * same whether or not anyone has that number, so the screen says no more.
 */
export function AddFriendForm({ onSent }: { onSent: () => void }) {
  const { t } = useTranslation();
  const { api } = useServices();
  const { edition } = useSession();
  const [identity, setIdentity] = useState<IdentityValue>({
    kind: 'phone',
    country: defaultCountry(edition),
    text: '',
  });
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone(false);
    try {
      await api.post('/api/contacts/requests', {
        body: identityBody(identity),
        schema: RequestSent,
      });
      setDone(true);
      setIdentity({ ...identity, text: '' });
      onSent();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <form
      onSubmit={(event) => void handleSubmit(event)}
      className="stack"
      aria-labelledby="add-friend"
    >
      <h2 id="add-friend">{t('contacts.add')}</h2>
      <IdentityField value={identity} allowEmail={edition !== 'cn'} onChange={setIdentity} />
      <ErrorMessage error={error} />
      {done ? <p role="status">{t('contacts.requestSent')}</p> : null}
      <button type="submit">{t('contacts.sendRequest')}</button>
    </form>
  );
}
