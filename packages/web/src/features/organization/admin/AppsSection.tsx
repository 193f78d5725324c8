import { OrgApp, OrgAppList } from '@carillon/protocol/org-admin';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useServices } from '../../../app/services';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Switch } from '../../../ui/Switch';
import { useConsole } from './AdminConsole';

type App = z.infer<typeof OrgApp>;

/**
 * App management (ORG-7): the built-in functions, each with what turning it
 * off refuses. Only the main administrator may switch them; the server says so.
 */
export function AppsSection() {
  const { t } = useTranslation();
  const { api } = useServices();
  const { organization } = useConsole();
  const base = `/api/organizations/${organization.id}/apps`;
  const [apps, setApps] = useState<App[]>([]);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    try {
      setApps((await api.get(base, { schema: OrgAppList })).apps);
    } catch (failure) {
      setError(failure);
    }
  }, [api, base]);
  useEffect(() => {
    void load();
  }, [load]);

  const handleSwitch = async (app: App, enabled: boolean) => {
    setError(null);
    try {
      const updated = await api.put(`${base}/${app.id}`, { body: { enabled }, schema: OrgApp });
      setApps((list) => list.map((a) => (a.id === updated.id ? updated : a)));
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section aria-labelledby="apps-title" className="stack">
      <h2 id="apps-title">{t('orgAdmin.apps.title')}</h2>
      <p className="hint">{t('orgAdmin.apps.explain')}</p>
      <ErrorMessage error={error} />
      <ul className="card-list">
        {apps.map((app) => (
          <li key={app.id} className="card">
            <Switch
              checked={app.enabled}
              disabled={organization.myRole !== 'main_admin'}
              onChange={(enabled) => void handleSwitch(app, enabled)}
            >
              {t(`orgAdmin.apps.${app.id}.name`, { defaultValue: app.name })}
            </Switch>
            <p className="hint">
              {t(`orgAdmin.apps.${app.id}.description`, { defaultValue: app.description })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
