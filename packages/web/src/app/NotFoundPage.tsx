import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A client route that does not exist. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <main className="auth-page" id="main">
      <h1>{t('notFound.title')}</h1>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </main>
  );
}
