import { OrgRetention } from '@carillon/protocol/org-data';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useServices } from '../../../app/services';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { TextField } from '../../../ui/TextField';
import { useConsole } from './AdminConsole';
import { DissolutionAdmin } from './DissolutionAdmin';

type Retention = z.infer<typeof OrgRetention>;

/**
 * The organization as controller of its data (ORG-4, ORG-8): the export
 * download, the retention period, and dissolution.
 */
export function DataSection() {
  const { t } = useTranslation();
  const { api } = useServices();
  const { organization } = useConsole();
  const path = `/api/organizations/${organization.id}/retention`;
  const [retention, setRetention] = useState<Retention | null>(null);
  const [days, setDays] = useState('');
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const show = (value: Retention) => {
    setRetention(value);
    setDays(value.days === null ? '' : String(value.days));
  };
  useEffect(() => {
    api.get(path, { schema: OrgRetention }).then(show, setError);
  }, [api, path]);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      show(
        await api.put(path, {
          body: { days: days.trim() ? Number(days) : null },
          schema: OrgRetention,
        }),
      );
      setSaved(true);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <div className="contacts-grid">
      <div className="stack">
        <section aria-labelledby="org-export" className="stack">
          <h2 id="org-export">{t('orgAdmin.data.exportTitle')}</h2>
          <p className="hint">{t('orgAdmin.data.exportExplain')}</p>
          {/* A plain link: the browser downloads the streamed zip with the session cookie. */}
          <a href={api.url(`/api/organizations/${organization.id}/export`)} download>
            {t('orgAdmin.data.export')}
          </a>
        </section>
        <form
          onSubmit={(event) => void handleSubmit(event)}
          className="stack"
          aria-labelledby="org-retention"
        >
          <h2 id="org-retention">{t('orgAdmin.data.retentionTitle')}</h2>
          <p className="hint">{t('orgAdmin.data.retentionExplain')}</p>
          {retention ? (
            <p role="status">
              {retention.days === null
                ? t('orgAdmin.data.retentionNone')
                : t('orgAdmin.data.retentionSet', { count: retention.days })}
            </p>
          ) : null}
          <div className="button-row">
            <TextField
              label={t('orgAdmin.data.retentionDays')}
              type="number"
              min={1}
              max={3650}
              value={days}
              onChange={(event) => setDays(event.target.value)}
            />
            <button type="submit">{t('orgAdmin.data.saveRetention')}</button>
          </div>
          {saved ? <p>{t('orgAdmin.data.saved')}</p> : null}
          <ErrorMessage error={error} />
          {retention && retention.appliesTo.length > 0 ? (
            <details>
              <summary>{t('orgAdmin.data.appliesTo')}</summary>
              <ul>
                {retention.appliesTo.map((item) => (
                  <li key={item.table}>
                    {t('orgAdmin.data.appliesToItem', { table: item.table, from: item.from })}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </form>
      </div>
      <DissolutionAdmin organization={organization} />
    </div>
  );
}
