import { PresenceSettings } from '@carillon/protocol/realtime';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Switch } from '../../ui/Switch';

/** "Hide when I was last online": others then see only whether I am online now. */
export function PresenceSection() {
  const { t } = useTranslation();
  const { api } = useServices();
  const [settings, setSettings] = useState<PresenceSettings | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.get('/api/presence/settings', { schema: PresenceSettings }).then(setSettings, setError);
  }, [api]);

  const handleChange = async (hideLastSeen: boolean) => {
    const before = settings;
    setError(null);
    setSettings({ hideLastSeen });
    try {
      setSettings(
        await api.patch('/api/presence/settings', {
          body: { hideLastSeen },
          schema: PresenceSettings,
        }),
      );
    } catch (failure) {
      setSettings(before);
      setError(failure);
    }
  };

  return (
    <div className="stack">
      {settings ? (
        <Switch checked={settings.hideLastSeen} onChange={(value) => void handleChange(value)}>
          {t('settings.hideLastSeen')}
        </Switch>
      ) : null}
      <p className="hint">{t('settings.hideLastSeenHint')}</p>
      <ErrorMessage error={error} />
    </div>
  );
}
