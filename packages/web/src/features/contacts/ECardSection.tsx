import { ECard } from '@carillon/protocol/contacts';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useServices } from '../../app/services';
import { formatDateTime } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TextField } from '../../ui/TextField';
import { tokenFromLink } from './QrSection';

/** The web address an e-card token opens in this client. */
export function cardUrl(token: string): string {
  return `${window.location.origin}/contacts/card?token=${encodeURIComponent(token)}`;
}

/** My e-card (public fields only, a link valid 30 days) and a box to open someone else's. */
export function ECardSection() {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { api } = useServices();
  const navigate = useNavigate();
  const [card, setCard] = useState<ECard | null>(null);
  const [link, setLink] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.get('/api/contacts/card', { schema: ECard }).then(setCard, setError);
  }, [api]);

  const handleOpen = (event: FormEvent) => {
    event.preventDefault();
    void navigate(`/contacts/card?token=${encodeURIComponent(tokenFromLink(link))}`);
  };

  return (
    <section aria-labelledby="ecard-title" className="stack">
      <h2 id="ecard-title">{t('contactsMore.ecard')}</h2>
      <ErrorMessage error={error} />
      {card ? (
        <>
          <p>
            <span className="person-name">{card.profile.nickname}</span>
            {card.profile.workRegion ? ` · ${card.profile.workRegion}` : ''}
          </p>
          <div className="field">
            <label htmlFor="my-card-link">{t('contactsMore.ecardLink')}</label>
            <input id="my-card-link" readOnly value={cardUrl(card.token)} />
          </div>
          <p className="hint">
            {t('contactsMore.ecardHint', { when: formatDateTime(card.expiresAt, locale) })}
          </p>
        </>
      ) : null}
      <form onSubmit={handleOpen} className="stack">
        <TextField
          label={t('contactsMore.openCardLink')}
          required
          value={link}
          onChange={(event) => setLink(event.target.value)}
        />
        <button type="submit" className="secondary">
          {t('contactsMore.openCard')}
        </button>
      </form>
    </section>
  );
}
