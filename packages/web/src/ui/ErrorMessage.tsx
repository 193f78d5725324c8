import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';

/** For forms that confirm an action with the password: a wrong one is just that. */
export const CONFIRMING_PASSWORD = { invalid_credentials: 'errors.wrongPassword' };

/**
 * Shows a failure as an alert: our own wording for known error ids, the
 * server's message (from `{error:{id,message}}`) for any other. `wording`
 * swaps the key for some ids where the screen knows better, e.g. a wrong
 * password typed to confirm an action rather than to sign in.
 */
export function ErrorMessage({
  error,
  wording = {},
}: {
  error: unknown;
  wording?: Partial<Record<string, string>>;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  const text =
    error instanceof ApiError
      ? t(wording[error.id] ?? `errors.${error.id}`, { defaultValue: error.message })
      : t('errors.unexpected');
  return (
    <p role="alert" className="error">
      {text}
    </p>
  );
}
