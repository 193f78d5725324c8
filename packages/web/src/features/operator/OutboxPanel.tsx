import { OutboxList, type OutboxEntry } from '@carillon/protocol/operator';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useOperator } from './operator-session';
import { PurposeForm } from './PurposeForm';

/** The local outbox (codes and notices the outbox providers wrote), read with a stated purpose. */
export function OutboxPanel() {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { api } = useOperator();
  const [entries, setEntries] = useState<OutboxEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const handleRead = async (purpose: string) => {
    setError(null);
    try {
      setEntries(
        (await api.get('/api/operator/outbox', { query: { purpose }, schema: OutboxList })).entries,
      );
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section aria-labelledby="outbox-title" className="stack">
      <h1 id="outbox-title">{t('operator.outbox.title')}</h1>
      <PurposeForm submitLabel={t('operator.outbox.read')} onRead={(p) => void handleRead(p)} />
      <ErrorMessage error={error} />
      {entries?.length === 0 ? <p className="hint">{t('operator.outbox.empty')}</p> : null}
      {entries && entries.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('operator.outbox.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('operator.outbox.when')}</th>
                <th scope="col">{t('operator.outbox.to')}</th>
                <th scope="col">{t('operator.outbox.message')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.createdAt, locale)}</td>
                  <td>
                    {t(`operator.outbox.channel.${e.channel}`)} {e.destination}
                  </td>
                  <td>
                    {e.subject ? <strong>{e.subject} </strong> : null}
                    {e.body}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
