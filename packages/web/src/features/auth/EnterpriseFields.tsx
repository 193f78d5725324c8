import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/TextField';

/** An enterprise account's sign-in names (ORG-3): the organization code and the account name. */
export interface EnterpriseIdentity {
  organizationCode: string;
  accountName: string;
}

/** The fields an enterprise account signs in with, instead of a phone number or e-mail. */
export function EnterpriseFields({
  value,
  onChange,
}: {
  value: EnterpriseIdentity;
  onChange: (value: EnterpriseIdentity) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('auth.enterpriseLegend')}</legend>
      <TextField
        label={t('auth.organizationCode')}
        hint={t('auth.organizationCodeHint')}
        required
        autoComplete="organization"
        pattern="[A-Za-z0-9]{6,16}"
        value={value.organizationCode}
        onChange={(event) => onChange({ ...value, organizationCode: event.target.value })}
      />
      <TextField
        label={t('auth.accountName')}
        required
        autoComplete="username"
        value={value.accountName}
        onChange={(event) => onChange({ ...value, accountName: event.target.value })}
      />
    </fieldset>
  );
}
