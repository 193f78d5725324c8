import { RequestSent } from '@carillon/protocol/contacts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/TextField';

/** The token inside a scanned link (`carillon://contacts/qr?token=…`), or the text as it is. */
export function tokenFromLink(text: string): string {
  const trimmed = text.trim();
  const match = /[?&]token=([^&\s]+)/.exec(trimmed);
  return match ? decodeURIComponent(match[1]!) : trimmed;
}

/**
 * My QR code (fresh, ten minutes) for others to scan, and the other way
 * round: the link from someone's code, pasted, sends them a request.
 */
export function QrSection({ onSent }: { onSent: () => void }) {
  const { t } = useTranslation();
  const { api } = useServices();
  const [generation, setGeneration] = useState(0);
  const [link, setLink] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const handleRedeem = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone(false);
    try {
      await api.post('/api/contacts/qr/redeem', {
        body: { token: tokenFromLink(link) },
        schema: RequestSent,
      });
      setDone(true);
      setLink('');
      onSent();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section aria-labelledby="qr-title" className="stack">
      <h2 id="qr-title">{t('contacts.qrTitle')}</h2>
      <img
        className="qr"
        src={api.url('/api/contacts/qr/image', { v: generation })}
        alt={t('contacts.qrAlt')}
        width={200}
        height={200}
      />
      <p className="hint">{t('contacts.qrHint')}</p>
      <button type="button" className="secondary" onClick={() => setGeneration(generation + 1)}>
        {t('contacts.qrRefresh')}
      </button>
      <form onSubmit={(event) => void handleRedeem(event)} className="stack">
        <TextField
          label={t('contacts.qrLink')}
          hint={t('contacts.qrLinkHint')}
          required
          value={link}
          onChange={(event) => setLink(event.target.value)}
        />
        <ErrorMessage error={error} />
        {done ? <p role="status">{t('contacts.requestSent')}</p> : null}
        <button type="submit">{t('contacts.qrRedeem')}</button>
      </form>
    </section>
  );
}
