import { ConsentList, ConsentPurposeView } from '@carillon/protocol/privacy';
import { useCallback, useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { useServices } from '../../app/services';
import { formatDateTime } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ConsentHistoryList } from './ConsentHistoryList';
import { policyLang, useLoad } from './use-load';

/** Whether a switch was refused because a significant policy change waits to be accepted. */
function pausedByPolicy(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.id === 'consent_required' &&
    (error.details as { reason?: string } | undefined)?.reason === 'reconsent_required'
  );
}

/** A link such as `/privacy/consents#consent-location` (from a feature that needs it) lands on that switch. */
function useFocusHash(loaded: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (!loaded || !hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    target?.scrollIntoView?.({ block: 'center' });
    target?.focus();
  }, [loaded, hash]);
}

/**
 * The purposes catalogue: basic functions (covered by the policy, always on)
 * and the permission switches of additional functions, each saying what it
 * does and which data it uses; then the ledger with its receipts.
 */
export function ConsentsPage() {
  const { t, i18n } = useTranslation();
  const locale = useFormatLocale();
  const { api } = useServices();
  const lang = policyLang(i18n.language);
  const list = useLoad(
    useCallback(
      () => api.get('/api/privacy/consents', { query: { lang }, schema: ConsentList }),
      [api, lang],
    ),
  );
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  const handleToggle = async (purpose: ConsentPurposeView, granted: boolean) => {
    setError(null);
    try {
      await api.put(`/api/privacy/consents/${purpose.purpose}`, {
        body: { granted },
        query: { lang },
        schema: ConsentPurposeView,
      });
    } catch (failure) {
      setError(failure);
    }
    await list.reload();
    setGeneration((g) => g + 1);
  };

  const purposes = list.value?.purposes ?? [];
  useFocusHash(purposes.length > 0);
  const describe = (p: ConsentPurposeView) => (
    <>
      <p>{p.description}</p>
      <p className="hint">
        {t('privacy.consents.data', { categories: p.dataCategories.join(', ') })}
        {p.sensitive ? (
          <>
            {' '}
            <span className="tag tag-warning">{t('privacy.consents.sensitive')}</span>
          </>
        ) : null}
      </p>
      {p.since ? (
        <p className="hint">
          {t(p.granted ? 'privacy.consents.onSince' : 'privacy.consents.offSince', {
            date: formatDateTime(p.since, locale),
          })}
        </p>
      ) : null}
    </>
  );
  return (
    <div className="stack">
      <ErrorMessage error={list.error} />
      <section aria-labelledby="switches-title" className="stack">
        <h2 id="switches-title">{t('privacy.consents.additional')}</h2>
        <p className="hint">{t('privacy.consents.additionalHint')}</p>
        {pausedByPolicy(error) ? (
          <p role="alert" className="error">
            {t('privacy.consents.reconsentRequired')}
          </p>
        ) : (
          <ErrorMessage error={error} />
        )}
        <ul className="card-list">
          {purposes
            .filter((p) => p.kind === 'additional')
            .map((p) => (
              <li key={p.purpose} id={`consent-${p.purpose}`} className="card" tabIndex={-1}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    role="switch"
                    checked={p.granted}
                    onChange={(event) => void handleToggle(p, event.target.checked)}
                  />
                  <strong>{p.title}</strong>
                </label>
                {describe(p)}
              </li>
            ))}
        </ul>
      </section>
      <section aria-labelledby="basic-title" className="stack">
        <h2 id="basic-title">{t('privacy.consents.basic')}</h2>
        <p className="hint">{t('privacy.consents.basicHint')}</p>
        <ul className="card-list">
          {purposes
            .filter((p) => p.kind === 'basic')
            .map((p) => (
              <li key={p.purpose} className="card">
                <h3>{p.title}</h3>
                {describe(p)}
              </li>
            ))}
        </ul>
      </section>
      <ConsentHistoryList
        key={generation}
        titles={Object.fromEntries(purposes.map((p) => [p.purpose, p.title]))}
      />
    </div>
  );
}
