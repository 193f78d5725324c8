import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** How often to try again while nothing says the connection came back. */
export const UNREACHABLE_RETRY_MS = 30_000;

/**
 * Shown instead of the app when the session could not be read because the
 * server did not answer (offline, or restarting): not the sign-in page, since
 * the person may well be signed in. Tries again when the browser says it is
 * back online, every half minute, and on the button.
 */
export function ServerUnreachable({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  useEffect(() => {
    window.addEventListener('online', onRetry);
    const timer = setInterval(onRetry, UNREACHABLE_RETRY_MS);
    return () => {
      window.removeEventListener('online', onRetry);
      clearInterval(timer);
    };
  }, [onRetry]);
  return (
    <main className="auth-page" id="main" aria-labelledby="unreachable-title">
      <h1 id="unreachable-title">{t('app.unreachable.title')}</h1>
      <p>{t('app.unreachable.explain')}</p>
      <button type="button" onClick={onRetry}>
        {t('app.unreachable.retry')}
      </button>
    </main>
  );
}
