import { EnterpriseAccountDetail } from '@carillon/protocol/org-admin';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useServices } from '../../../app/services';
import { formatDateTime } from '../../../i18n/format';
import { useFormatLocale } from '../../../i18n/use-format-locale';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { TextField } from '../../../ui/TextField';

type Session = z.infer<typeof EnterpriseAccountDetail>['sessions'][number];

/**
 * The devices an enterprise account is signed in on. They are the member's
 * personal data, so each read states a purpose, which the server records in
 * the audit log and shows in the member's access log.
 */
export function EnterpriseAccountDevices({ path, name }: { path: string; name: string }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { api } = useServices();
  const [purpose, setPurpose] = useState('');
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const date = (ms: number) => formatDateTime(ms, locale);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSessions(null);
    try {
      const detail = await api.get(path, {
        query: { purpose: purpose.trim() },
        schema: EnterpriseAccountDetail,
      });
      setSessions(detail.sessions);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <div className="stack">
      <form
        onSubmit={(event) => void handleSubmit(event)}
        className="stack"
        aria-label={t('orgAdmin.accounts.devices', { name })}
      >
        <TextField
          label={t('orgAdmin.accounts.devicesPurpose', { name })}
          hint={t('orgAdmin.accounts.devicesPurposeHint', { name })}
          required
          minLength={3}
          maxLength={200}
          value={purpose}
          onChange={(event) => setPurpose(event.target.value)}
        />
        <button type="submit">{t('orgAdmin.accounts.devicesRead')}</button>
      </form>
      <ErrorMessage error={error} />
      {sessions?.length === 0 ? <p className="hint">{t('orgAdmin.accounts.devicesNone')}</p> : null}
      {sessions && sessions.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">
              {t('orgAdmin.accounts.devices', { name })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('orgAdmin.accounts.device')}</th>
                <th scope="col">{t('orgAdmin.accounts.platformLabel')}</th>
                <th scope="col">{t('orgAdmin.accounts.signedIn')}</th>
                <th scope="col">{t('orgAdmin.accounts.lastSeen')}</th>
                <th scope="col">{t('orgAdmin.accounts.network')}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session, index) => (
                <tr key={`${index}-${session.createdAt}`}>
                  <td>{session.device.name}</td>
                  <td>
                    {t(`orgAdmin.accounts.platform.${session.device.platform}`, {
                      defaultValue: session.device.platform,
                    })}
                  </td>
                  <td>{date(session.createdAt)}</td>
                  <td>{date(session.lastSeenAt)}</td>
                  <td>{session.ipRegion ?? t('orgAdmin.accounts.networkUnknown')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
