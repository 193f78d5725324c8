import { PolicyDocument, PolicyList } from '@carillon/protocol/privacy';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { formatDateTime } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { policyLang, useLoad } from './use-load';
import { PolicyMarkdown } from '../../ui/PolicyMarkdown';

/** Every published policy version; any one can be read, summary and full text, in the UI language. */
export function PolicyPage() {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { api } = useServices();
  const list = useLoad(useCallback(() => api.get('/api/policies', { schema: PolicyList }), [api]));
  const [chosen, setChosen] = useState<number | null>(null);
  const version = chosen ?? list.value?.currentVersion ?? null;
  return (
    <section aria-labelledby="policy-versions" className="stack">
      <h2 id="policy-versions">{t('privacy.policy.title')}</h2>
      <ErrorMessage error={list.error} />
      <ul className="card-list" aria-label={t('privacy.policy.versions')}>
        {list.value?.versions.map((v) => (
          <li key={v.version} className="card">
            <h3>
              {t('privacy.policy.version', { version: v.version })}{' '}
              {v.version === list.value?.currentVersion ? (
                <span className="tag">{t('privacy.policy.current')}</span>
              ) : null}
              {v.significant ? (
                <span className="tag tag-warning">{t('privacy.policy.significant')}</span>
              ) : null}
            </h3>
            <p className="hint">
              {t('privacy.policy.published', {
                date: formatDateTime(v.publishedAt, locale),
              })}
            </p>
            {v.changes.length > 0 ? (
              <ul aria-label={t('privacy.policy.changesOf', { version: v.version })}>
                {v.changes.map((change) => (
                  <li key={change}>{change}</li>
                ))}
              </ul>
            ) : null}
            <div className="card-actions">
              <button
                type="button"
                className="secondary"
                aria-pressed={version === v.version}
                onClick={() => setChosen(v.version)}
              >
                {t('privacy.policy.read', { version: v.version })}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {version ? <PolicyText version={version} /> : null}
    </section>
  );
}

/** One version in the language on screen: summary up front, full text below. */
export function PolicyText({ version }: { version: number }) {
  const { t, i18n } = useTranslation();
  const { api } = useServices();
  const lang = policyLang(i18n.language);
  const doc = useLoad(
    useCallback(
      () => api.get(`/api/policies/${version}`, { query: { lang }, schema: PolicyDocument }),
      [api, version, lang],
    ),
  );
  if (!doc.value) return <ErrorMessage error={doc.error} />;
  const policy = doc.value;
  return (
    <article aria-labelledby="policy-reading" className="card" lang={policy.language}>
      <h3 id="policy-reading">{t('privacy.policy.reading', { version: policy.version })}</h3>
      {policy.language !== policy.prevailingLanguage ? (
        <p className="hint">
          {t('privacy.policy.prevailing', { language: t(`language.${policy.prevailingLanguage}`) })}
        </p>
      ) : null}
      <h4>{t('privacy.policy.summary')}</h4>
      <p className="policy-summary">{policy.summary}</p>
      <h4>{t('privacy.policy.fullText')}</h4>
      <div
        className="policy-text"
        role="region"
        tabIndex={0}
        aria-label={t('privacy.policy.fullText')}
      >
        <PolicyMarkdown source={policy.text} topLevel={5} />
      </div>
    </article>
  );
}
