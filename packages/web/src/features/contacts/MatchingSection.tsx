import { MatchResult } from '@carillon/protocol/contacts';
import { ConsentList } from '@carillon/protocol/privacy';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { useServices } from '../../app/services';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Switch } from '../../ui/Switch';

const PURPOSE = 'contacts_matching';

/**
 * Address-book matching, an additional function behind the
 * `contacts_matching` consent: the switch grants or withdraws it, pasted
 * numbers are matched once and kept nowhere. Without the consent the server
 * answers 403 consent_required, and the screen explains that.
 */
export function MatchingSection() {
  const { t } = useTranslation();
  const { api } = useServices();
  const [granted, setGranted] = useState<boolean | null>(null);
  const [phones, setPhones] = useState('');
  const [matches, setMatches] = useState<MatchResult['matches'] | null>(null);
  const [needsConsent, setNeedsConsent] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api
      .get('/api/privacy/consents', { schema: ConsentList })
      .then(
        (list) => setGranted(list.purposes.find((p) => p.purpose === PURPOSE)?.granted ?? false),
        setError,
      );
  }, [api]);

  const handleConsent = async (value: boolean) => {
    setError(null);
    try {
      await api.put(`/api/privacy/consents/${PURPOSE}`, { body: { granted: value } });
      setGranted(value);
      if (value) setNeedsConsent(false);
      else setMatches(null);
    } catch (failure) {
      setError(failure);
    }
  };

  const handleMatch = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setNeedsConsent(false);
    const list = phones
      .split(/[\n,;]+/)
      .map((p) => p.trim())
      .filter(Boolean);
    try {
      setMatches(
        (await api.post('/api/contacts/match', { body: { phones: list }, schema: MatchResult }))
          .matches,
      );
    } catch (failure) {
      if (failure instanceof ApiError && failure.id === 'consent_required') setNeedsConsent(true);
      else setError(failure);
    }
  };

  return (
    <section aria-labelledby="matching-title" className="stack">
      <h2 id="matching-title">{t('contactsMore.matching')}</h2>
      <p className="hint">{t('contactsMore.matchingHint')}</p>
      {granted !== null ? (
        <Switch checked={granted} onChange={(value) => void handleConsent(value)}>
          {t('contactsMore.matchingSwitch')}
        </Switch>
      ) : null}
      <form onSubmit={(event) => void handleMatch(event)} className="stack">
        <div className="field">
          <label htmlFor="match-phones">{t('contactsMore.matchPhones')}</label>
          <textarea
            id="match-phones"
            rows={3}
            required
            value={phones}
            onChange={(event) => setPhones(event.target.value)}
          />
        </div>
        <button type="submit">{t('contactsMore.match')}</button>
      </form>
      {needsConsent ? (
        <div role="alert" className="error">
          {t('contactsMore.consentRequired')}
        </div>
      ) : null}
      <ErrorMessage error={error} />
      {matches ? (
        matches.length === 0 ? (
          <p role="status">{t('contactsMore.noMatches')}</p>
        ) : (
          <ul className="people-list" aria-label={t('contactsMore.matches')}>
            {matches.map((m) => (
              <li key={m.profile.userId}>
                <span className="person-name">{m.profile.nickname}</span>
                <span className="hint">{m.phone}</span>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
