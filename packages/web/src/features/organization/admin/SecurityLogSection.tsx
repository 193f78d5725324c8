import { SecurityLogKind, SecurityLogPage } from '@carillon/protocol/org-admin';
import { OrgMemberPage } from '@carillon/protocol/organizations';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useServices } from '../../../app/services';
import { formatDateTime } from '../../../i18n/format';
import { useFormatLocale } from '../../../i18n/use-format-locale';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { TextField } from '../../../ui/TextField';
import { useConsole } from './AdminConsole';
import { SecurityRetention } from './SecurityRetention';

type Entry = z.infer<typeof SecurityLogPage>['entries'][number];

/**
 * The security log (ORG-9) with the filters the API has (member, kind) and
 * keyset paging; every read states a purpose, which the members are shown.
 */
export function SecurityLogSection() {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { api } = useServices();
  const { organization } = useConsole();
  const [names, setNames] = useState<Record<string, string>>({});
  const [filters, setFilters] = useState({ purpose: '', memberId: '', kind: '' });
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    // Names for the member filter and the log's rows: browsing the directory needs no search.
    api
      .get(`/api/organizations/${organization.id}/members`, {
        query: { limit: 100 },
        schema: OrgMemberPage,
      })
      .then(
        (page) => setNames(Object.fromEntries(page.members.map((m) => [m.userId, m.name]))),
        setError,
      );
  }, [api, organization.id]);

  const read = async (before?: string) => {
    setError(null);
    try {
      const page = await api.get(`/api/organizations/${organization.id}/security-log`, {
        query: {
          purpose: filters.purpose.trim(),
          memberId: filters.memberId || undefined,
          kind: filters.kind || undefined,
          before,
        },
        schema: SecurityLogPage,
      });
      setEntries((list) => (before ? [...(list ?? []), ...page.entries] : page.entries));
      setNextBefore(page.nextBefore);
    } catch (failure) {
      setError(failure);
    }
  };
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void read();
  };

  return (
    <div className="stack">
      <section aria-labelledby="security-title" className="stack">
        <h2 id="security-title">{t('orgAdmin.security.title')}</h2>
        <p className="hint">{t('orgAdmin.security.explain')}</p>
        <form onSubmit={handleSubmit} className="stack">
          <TextField
            label={t('orgAdmin.security.purpose')}
            hint={t('orgAdmin.security.purposeHint')}
            required
            minLength={3}
            maxLength={200}
            value={filters.purpose}
            onChange={(event) => setFilters({ ...filters, purpose: event.target.value })}
          />
          <div className="button-row">
            <div className="field">
              <label htmlFor="security-member">{t('orgAdmin.security.member')}</label>
              <select
                id="security-member"
                value={filters.memberId}
                onChange={(event) => setFilters({ ...filters, memberId: event.target.value })}
              >
                <option value="">{t('orgAdmin.security.anyMember')}</option>
                {Object.entries(names).map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="security-kind">{t('orgAdmin.security.kindLabel')}</label>
              <select
                id="security-kind"
                value={filters.kind}
                onChange={(event) => setFilters({ ...filters, kind: event.target.value })}
              >
                <option value="">{t('orgAdmin.security.anyKind')}</option>
                {SecurityLogKind.options.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`orgAdmin.security.kind.${kind}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <button type="submit">{t('orgAdmin.security.read')}</button>
        </form>
        <ErrorMessage error={error} />
        {entries?.length === 0 ? <p className="hint">{t('orgAdmin.security.empty')}</p> : null}
        {entries && entries.length > 0 ? (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{t('orgAdmin.security.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('orgAdmin.security.when')}</th>
                  <th scope="col">{t('orgAdmin.security.who')}</th>
                  <th scope="col">{t('orgAdmin.security.kindLabel')}</th>
                  <th scope="col">{t('orgAdmin.security.details')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.id}>
                    <td>{formatDateTime(entry.createdAt, locale)}</td>
                    <td>{names[entry.userId] ?? entry.userId}</td>
                    <td>{t(`orgAdmin.security.kind.${entry.kind}`)}</td>
                    <td>
                      {Object.entries(entry.detail)
                        .map(
                          ([key, value]) =>
                            `${t(`orgAdmin.security.detail.${key}`, { defaultValue: key })}: ${value}`,
                        )
                        .join(', ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {nextBefore ? (
          <button type="button" className="secondary" onClick={() => void read(nextBefore)}>
            {t('orgAdmin.security.older')}
          </button>
        ) : null}
      </section>
      <SecurityRetention organizationId={organization.id} />
    </div>
  );
}
