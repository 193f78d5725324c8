import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';

/**
 * Shows a failure as an alert: our own wording for known error ids, the
 * server's message (from `{error:{id,message}}`) for any other.
 */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const text =
    error instanceof ApiError
      ? t(`errors.${error.id}`, { defaultValue: error.message })
      : t('errors.unexpected');
  return (
    <p role="alert" className="error">
      {text}
    </p>
  );
}
