import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/TextField';

/** The six-digit one-time code field: numeric keyboard, and the browser may fill it from an SMS. */
export function CodeField({
  value,
  onChange,
}: {
  value: string;
  onChange: (code: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('signup.code')}
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="\d{6}"
      maxLength={6}
      required
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
