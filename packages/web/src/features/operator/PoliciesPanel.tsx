import { PolicyList, PolicyVersionInfo } from '@carillon/protocol/privacy';
import { useCallback, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { formatDateTime } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useLoad } from '../privacy/use-load';
import { useOperator } from './operator-session';

const empty = { textEn: '', textZh: '', summaryEn: '', summaryZh: '', changes: '' };

/**
 * Policy publishing: every version so far (significant ones with their
 * changes), and a new version in both languages; a significant one lists
 * what changed and asks everyone to accept again.
 */
export function PoliciesPanel() {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { api: publicApi } = useServices();
  const { api } = useOperator();
  const id = useId();
  const list = useLoad(
    useCallback(() => publicApi.get('/api/policies', { schema: PolicyList }), [publicApi]),
  );
  const [form, setForm] = useState(empty);
  const [significant, setSignificant] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [published, setPublished] = useState<number | null>(null);
  const set = (key: keyof typeof empty) => (event: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: event.target.value }));

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setPublished(null);
    try {
      const info = await api.post('/api/operator/policies', {
        body: {
          texts: { en: form.textEn, 'zh-CN': form.textZh },
          summaries: { en: form.summaryEn, 'zh-CN': form.summaryZh },
          significant,
          changes: form.changes
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
        },
        schema: PolicyVersionInfo,
      });
      setPublished(info.version);
      setForm(empty);
      setSignificant(false);
      await list.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  const area = (key: keyof typeof empty, label: string, rows: number, lang?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <textarea
        id={`${id}-${key}`}
        rows={rows}
        lang={lang}
        required={key !== 'changes' || significant}
        value={form[key]}
        onChange={set(key)}
      />
    </div>
  );
  return (
    <div className="stack">
      <h1>{t('operator.policies.title')}</h1>
      <section aria-labelledby={`${id}-versions`} className="stack">
        <h2 id={`${id}-versions`}>{t('operator.policies.versions')}</h2>
        <ErrorMessage error={list.error} />
        <ul className="card-list">
          {list.value?.versions.map((v) => (
            <li key={v.version} className="card">
              <h3>
                {t('privacy.policy.version', { version: v.version })}{' '}
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
            </li>
          ))}
        </ul>
      </section>
      <form
        onSubmit={(event) => void handleSubmit(event)}
        className="stack card"
        aria-labelledby={`${id}-publish`}
      >
        <h2 id={`${id}-publish`}>{t('operator.policies.publish')}</h2>
        {area('summaryEn', t('operator.policies.summaryEn'), 3, 'en')}
        {area('summaryZh', t('operator.policies.summaryZh'), 3, 'zh-CN')}
        {area('textEn', t('operator.policies.textEn'), 8, 'en')}
        {area('textZh', t('operator.policies.textZh'), 8, 'zh-CN')}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={significant}
            onChange={(event) => setSignificant(event.target.checked)}
          />
          {t('operator.policies.significant')}
        </label>
        {area('changes', t('operator.policies.changes'), 4)}
        <ErrorMessage error={error} />
        {published ? (
          <p role="status">{t('operator.policies.published', { version: published })}</p>
        ) : null}
        <button type="submit">{t('operator.policies.submit')}</button>
      </form>
    </div>
  );
}
