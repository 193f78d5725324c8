import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { formatDateTime } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { useSession } from '../../session/session-context';

/** After a confirmed cancellation: signed out everywhere, and until when signing in keeps the account. */
export function CancelledPage() {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const [search] = useSearchParams();
  const until = Number(search.get('until'));
  const session = useSession();
  // The server ended every session of the account, this browser's too.
  useEffect(() => {
    if (session.status === 'signed-in') session.clear();
  }, [session]);
  return (
    <main className="auth-page" id="main">
      <LanguageSwitch />
      <h1>{t('privacy.cancelled.title')}</h1>
      <p>{t('privacy.cancelled.signedOut')}</p>
      {until > 0 ? (
        <p role="status">{t('privacy.cancelled.until', { date: formatDateTime(until, locale) })}</p>
      ) : null}
      <p>
        <Link to="/login">{t('privacy.cancelled.signIn')}</Link>
      </p>
    </main>
  );
}
