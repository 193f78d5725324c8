import { useTranslation } from 'react-i18next';

/** A personal account (phone or e-mail) or an enterprise account its organization issued (ORG-3). */
export type AccountKind = 'personal' | 'enterprise';

/** Picks which kind of account the page is about; sign-in and password reset both start here. */
export function AccountKindSwitch({
  value,
  onChange,
}: {
  value: AccountKind;
  onChange: (kind: AccountKind) => void;
}) {
  const { t } = useTranslation();
  return (
    <div role="radiogroup" aria-label={t('auth.accountKind')} className="segmented">
      {(['personal', 'enterprise'] as const).map((option) => (
        <label key={option}>
          <input
            type="radio"
            name="account-kind"
            checked={value === option}
            onChange={() => onChange(option)}
          />
          {t(`auth.accountKinds.${option}`)}
        </label>
      ))}
    </div>
  );
}
