import { EnterpriseAccount } from '@carillon/protocol/org-admin';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../../app/services';
import { formatDateTime } from '../../../i18n/format';
import { useFormatLocale } from '../../../i18n/use-format-locale';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { TextField } from '../../../ui/TextField';
import { EnterpriseAccountDevices } from './EnterpriseAccountDevices';
import { EnterpriseAccountErase } from './EnterpriseAccountErase';

/**
 * One enterprise account: its state, disable / enable, setting a new
 * password, its devices (read with a stated purpose), and deleting it.
 * "Password set" is the section's to clear: `onActionStart` tells it an
 * action on this row began, `onPasswordSet` that the new password took.
 */
export function EnterpriseAccountRow({
  account,
  base,
  onChanged,
  passwordSet,
  onActionStart,
  onPasswordSet,
}: {
  account: EnterpriseAccount;
  base: string;
  onChanged: () => Promise<void>;
  passwordSet: boolean;
  onActionStart: () => void;
  onPasswordSet: () => void;
}) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { api } = useServices();
  const [resetting, setResetting] = useState(false);
  const [showDevices, setShowDevices] = useState(false);
  const [erasing, setErasing] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const path = `${base}/${account.userId}`;
  const name = account.name;

  const toggle = async () => {
    onActionStart();
    setError(null);
    try {
      await api.post(`${path}/${account.disabledAt ? 'enable' : 'disable'}`, {
        schema: EnterpriseAccount,
      });
      await onChanged();
    } catch (failure) {
      setError(failure);
    }
  };
  const handleReset = async (event: FormEvent) => {
    event.preventDefault();
    onActionStart();
    setError(null);
    try {
      await api.post(`${path}/password`, { body: { password } });
      setPassword('');
      setResetting(false);
      onPasswordSet();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <li className="card" aria-label={name}>
      <h3>{name}</h3>
      <p className="hint">
        <span className="invite-code">{account.accountName}</span> ·{' '}
        {formatDateTime(account.createdAt, locale)}
      </p>
      <p>
        {account.disabledAt ? (
          <span className="tag tag-warning">
            {t('orgAdmin.accounts.disabledSince', {
              when: formatDateTime(account.disabledAt, locale),
            })}
          </span>
        ) : (
          <span className="tag">{t('orgAdmin.accounts.active')}</span>
        )}
      </p>
      <div className="card-actions">
        <button
          type="button"
          className={account.disabledAt ? undefined : 'secondary'}
          aria-label={t(
            account.disabledAt ? 'orgAdmin.accounts.enable' : 'orgAdmin.accounts.disable',
            { name },
          )}
          onClick={() => void toggle()}
        >
          {t(
            account.disabledAt ? 'orgAdmin.accounts.enableShort' : 'orgAdmin.accounts.disableShort',
          )}
        </button>
        <button
          type="button"
          className="secondary"
          aria-expanded={resetting}
          aria-label={t('orgAdmin.accounts.reset', { name })}
          onClick={() => {
            onActionStart();
            setResetting(!resetting);
          }}
        >
          {t('orgAdmin.accounts.resetShort')}
        </button>
        <button
          type="button"
          className="secondary"
          aria-expanded={showDevices}
          aria-label={t('orgAdmin.accounts.devices', { name })}
          onClick={() => {
            onActionStart();
            setShowDevices(!showDevices);
          }}
        >
          {t('orgAdmin.accounts.devicesShort')}
        </button>
        <button
          type="button"
          className="secondary"
          aria-expanded={erasing}
          aria-label={t('orgAdmin.accounts.erase', { name })}
          onClick={() => {
            onActionStart();
            setErasing(!erasing);
          }}
        >
          {t('orgAdmin.accounts.eraseShort')}
        </button>
      </div>
      {showDevices ? <EnterpriseAccountDevices path={path} name={name} /> : null}
      {erasing ? <EnterpriseAccountErase path={path} name={name} onErased={onChanged} /> : null}
      {resetting ? (
        <form
          onSubmit={(event) => void handleReset(event)}
          className="stack"
          aria-label={t('orgAdmin.accounts.reset', { name })}
        >
          <TextField
            label={t('orgAdmin.accounts.newPassword', { name })}
            type="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <button type="submit">{t('orgAdmin.accounts.resetButton')}</button>
        </form>
      ) : null}
      {passwordSet ? <p role="status">{t('orgAdmin.accounts.resetDone')}</p> : null}
      <ErrorMessage error={error} />
    </li>
  );
}
