import { GuardianRequest } from '@carillon/protocol/privacy';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useServices } from '../../app/services';
import { formatDateTime } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { useSession } from '../../session/session-context';

/** Where a guardian approves a child's account: this app's /guardian page with the request id. */
export const guardianLink = (requestId: string) =>
  `${window.location.origin}/guardian?request=${encodeURIComponent(requestId)}`;

/**
 * For a child under the cn edition's age rule (PRIV-10): until a guardian
 * approves, only basic functions work. The banner gives the link to send to
 * the guardian, and re-reads the request when the window regains focus.
 */
export function GuardianNotice() {
  const session = useSession();
  return session.edition === 'cn' && session.account ? <GuardianBanner /> : null;
}

function GuardianBanner() {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { api } = useServices();
  const [request, setRequest] = useState<z.infer<typeof GuardianRequest> | null>(null);
  const load = useCallback(() => {
    // 404: this account needs no guardian; nothing to show.
    api.get('/api/privacy/guardian', { schema: GuardianRequest }).then(setRequest, () => undefined);
  }, [api]);
  useEffect(() => {
    load();
    window.addEventListener('focus', load);
    return () => window.removeEventListener('focus', load);
  }, [load]);
  if (request?.status !== 'pending') return null;
  return (
    <div className="notice-banner stack" role="region" aria-label={t('privacy.guardian.banner')}>
      <p>
        {t('privacy.guardian.pending', {
          until: formatDateTime(request.ruleEndsAt, locale),
        })}
      </p>
      <div className="field">
        <label htmlFor="guardian-link">{t('privacy.guardian.linkLabel')}</label>
        <input id="guardian-link" readOnly value={guardianLink(request.id)} />
      </div>
      <button type="button" className="secondary" onClick={load}>
        {t('privacy.guardian.checkAgain')}
      </button>
    </div>
  );
}
