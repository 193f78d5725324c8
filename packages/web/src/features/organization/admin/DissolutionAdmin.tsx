import { Dissolution } from '@carillon/protocol/org-data';
import type { Organization } from '@carillon/protocol/organizations';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error';
import { useServices } from '../../../app/services';
import { CONFIRMING_PASSWORD, ErrorMessage } from '../../../ui/ErrorMessage';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { TextField } from '../../../ui/TextField';
import { DissolutionStatus } from '../DissolutionStatus';

/**
 * Dissolving the organization (main administrator): start it with the
 * password, see when the grace period ends, call it off until then.
 */
export function DissolutionAdmin({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const { api } = useServices();
  const path = `/api/organizations/${organization.id}/dissolution`;
  const [dissolution, setDissolution] = useState<Dissolution | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.get(path, { schema: Dissolution }).then(setDissolution, (failure: unknown) => {
      // 404: never started, the form is what to show.
      if (!(failure instanceof ApiError && failure.status === 404)) setError(failure);
    });
  }, [api, path]);

  const run = async (action: () => Promise<Dissolution>) => {
    setError(null);
    try {
      setDissolution(await action());
      setPassword('');
    } catch (failure) {
      setError(failure);
    }
  };
  const open = !dissolution || dissolution.status === 'withdrawn';

  return (
    <section aria-labelledby="org-dissolve" className="stack">
      <h2 id="org-dissolve">{t('orgAdmin.dissolve.title')}</h2>
      <p className="hint">{t('orgAdmin.dissolve.explain')}</p>
      {dissolution ? <DissolutionStatus dissolution={dissolution} /> : null}
      {open ? (
        <>
          <TextField
            label={t('orgAdmin.dissolve.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          {password ? (
            <ConfirmButton
              label={t('orgAdmin.dissolve.start')}
              question={t('orgAdmin.dissolve.question', { name: organization.name })}
              confirmLabel={t('orgAdmin.dissolve.confirm')}
              cancelLabel={t('orgAdmin.dissolve.cancelLabel')}
              onConfirm={() =>
                void run(() => api.post(path, { body: { password }, schema: Dissolution }))
              }
            />
          ) : null}
        </>
      ) : null}
      {dissolution?.status === 'scheduled' ? (
        <button
          type="button"
          onClick={() => void run(() => api.delete(path, { schema: Dissolution }))}
        >
          {t('orgAdmin.dissolve.withdraw')}
        </button>
      ) : null}
      <ErrorMessage error={error} wording={CONFIRMING_PASSWORD} />
    </section>
  );
}
