import {
  AccessLogPage as AccessLogPageSchema,
  type AccessLogEntry,
} from '@carillon/protocol/audit';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { formatDateTime } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';

const PAGE = 50;

/**
 * "Who accessed my data": the audit entries about me, newest first, with
 * who acted (me, an operator, the system — never which operator) and why.
 */
export function AccessLogPage() {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { api } = useServices();
  const [entries, setEntries] = useState<AccessLogEntry[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    async (before?: number) => {
      try {
        const page = await api.get('/api/privacy/access-log', {
          query: { limit: PAGE, before },
          schema: AccessLogPageSchema,
        });
        setEntries((current) => (before ? [...current, ...page.entries] : page.entries));
        setNext(page.nextBefore);
        setError(null);
      } catch (failure) {
        setError(failure);
      } finally {
        setLoaded(true);
      }
    },
    [api],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const actor = (e: AccessLogEntry) =>
    e.byYou ? t('privacy.log.you') : t(`privacy.log.actor.${e.actorKind}`);
  return (
    <section aria-labelledby="access-log-title" className="stack">
      <h2 id="access-log-title">{t('privacy.log.title')}</h2>
      <p className="hint">{t('privacy.log.hint')}</p>
      <ErrorMessage error={error} />
      {loaded && entries.length === 0 && !error ? (
        <p className="hint">{t('privacy.log.none')}</p>
      ) : null}
      {entries.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('privacy.log.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('privacy.log.when')}</th>
                <th scope="col">{t('privacy.log.who')}</th>
                <th scope="col">{t('privacy.log.what')}</th>
                <th scope="col">{t('privacy.log.why')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.seq}>
                  <td>{formatDateTime(e.at, locale)}</td>
                  <td>{actor(e)}</td>
                  <td>{t(`privacy.log.actions.${e.action}`, { defaultValue: e.action })}</td>
                  <td>{e.purpose ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {next ? (
        <button type="button" className="secondary" onClick={() => void load(next)}>
          {t('privacy.log.more')}
        </button>
      ) : null}
    </section>
  );
}
