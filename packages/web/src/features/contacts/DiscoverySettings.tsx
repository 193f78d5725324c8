import { ContactSettings } from '@carillon/protocol/contacts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { ErrorMessage } from '../../ui/ErrorMessage';

/** The two "who can find me" switches; both start off (privacy by default). */
export function DiscoverySettings({ allowEmail }: { allowEmail: boolean }) {
  const { t } = useTranslation();
  const { api } = useServices();
  const [settings, setSettings] = useState<ContactSettings | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.get('/api/contacts/settings', { schema: ContactSettings }).then(setSettings, setError);
  }, [api]);

  const handleChange = async (key: 'phone' | 'email', value: boolean) => {
    if (!settings) return;
    setError(null);
    const before = settings;
    // The switch moves at once; the server's answer confirms it, a failure puts it back.
    setSettings({ discoverableBy: { ...settings.discoverableBy, [key]: value } });
    try {
      setSettings(
        await api.patch('/api/contacts/settings', {
          body: { discoverableBy: { [key]: value } },
          schema: ContactSettings,
        }),
      );
    } catch (failure) {
      setSettings(before);
      setError(failure);
    }
  };

  if (!settings) return <ErrorMessage error={error} />;
  const keys = allowEmail ? (['phone', 'email'] as const) : (['phone'] as const);
  return (
    <fieldset>
      <legend>{t('contacts.discovery')}</legend>
      <p className="hint">{t('contacts.discoveryHint')}</p>
      {keys.map((key) => (
        <label key={key} className="checkbox">
          <input
            type="checkbox"
            role="switch"
            checked={settings.discoverableBy[key]}
            onChange={(event) => void handleChange(key, event.target.checked)}
          />
          {t(`contacts.discoverBy.${key}`)}
        </label>
      ))}
      <ErrorMessage error={error} />
    </fieldset>
  );
}
