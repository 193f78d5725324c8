import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/TextField';

/**
 * A new password as sign-up and a reset take it: 10 characters at least and
 * the rule spelled out beside it; the server checks the rest (common
 * passwords, the phone number or e-mail in it).
 */
export function NewPasswordField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (password: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      label={label}
      hint={t('signup.passwordHint')}
      type="password"
      autoComplete="new-password"
      minLength={10}
      required
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
