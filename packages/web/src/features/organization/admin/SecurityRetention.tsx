import { SecuritySettings } from '@carillon/protocol/org-admin';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../../app/services';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { TextField } from '../../../ui/TextField';

/** How many days the security log is kept; the main administrator sets it. */
export function SecurityRetention({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const { api } = useServices();
  const path = `/api/organizations/${organizationId}/security-settings`;
  const [days, setDays] = useState('');
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api
      .get(path, { schema: SecuritySettings })
      .then((settings) => setDays(String(settings.securityLogDays)), setError);
  }, [api, path]);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      const settings = await api.put(path, {
        body: { securityLogDays: Number(days) },
        schema: SecuritySettings,
      });
      setDays(String(settings.securityLogDays));
      setSaved(true);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <form
      onSubmit={(event) => void handleSubmit(event)}
      className="stack"
      aria-labelledby="security-retention"
    >
      <h2 id="security-retention">{t('orgAdmin.security.retention')}</h2>
      <div className="button-row">
        <TextField
          label={t('orgAdmin.security.days')}
          type="number"
          required
          min={1}
          max={3650}
          value={days}
          onChange={(event) => setDays(event.target.value)}
        />
        <button type="submit">{t('orgAdmin.security.saveRetention')}</button>
      </div>
      {saved ? <p role="status">{t('orgAdmin.security.saved')}</p> : null}
      <ErrorMessage error={error} />
    </form>
  );
}
