import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/TextField';
import { countries, countryName } from './countries';

/** Which identifier a person signs in with. */
export type IdentityKind = 'phone' | 'email';

/** The identifier as typed: kind, picked country and the text. */
export interface IdentityValue {
  kind: IdentityKind;
  country: string;
  text: string;
}

/**
 * Phone number with a country picker, or an e-mail address where the edition
 * allows e-mail (international); the cn edition signs up by phone only.
 */
export function IdentityField({
  value,
  allowEmail,
  onChange,
}: {
  value: IdentityValue;
  allowEmail: boolean;
  onChange: (value: IdentityValue) => void;
}) {
  const { t, i18n } = useTranslation();
  const countryId = useId();
  return (
    <fieldset className="identity">
      <legend>{t('auth.identity')}</legend>
      {allowEmail ? (
        <div role="radiogroup" aria-label={t('auth.identityKind')} className="segmented">
          {(['phone', 'email'] as const).map((kind) => (
            <label key={kind}>
              <input
                type="radio"
                name="identity-kind"
                checked={value.kind === kind}
                onChange={() => onChange({ ...value, kind, text: '' })}
              />
              {t(`auth.${kind}`)}
            </label>
          ))}
        </div>
      ) : null}
      {value.kind === 'phone' ? (
        <div className="phone-row">
          <div className="field">
            <label htmlFor={countryId}>{t('auth.country')}</label>
            <select
              id={countryId}
              value={value.country}
              onChange={(event) => onChange({ ...value, country: event.target.value })}
            >
              {countries.map((country) => (
                <option key={country.code} value={country.code}>
                  {countryName(country.code, i18n.language)} {country.prefix}
                </option>
              ))}
            </select>
          </div>
          <TextField
            label={t('auth.phoneNumber')}
            type="tel"
            autoComplete="tel-national"
            required
            value={value.text}
            onChange={(event) => onChange({ ...value, text: event.target.value })}
          />
        </div>
      ) : (
        <TextField
          label={t('auth.emailAddress')}
          type="email"
          autoComplete="email"
          required
          value={value.text}
          onChange={(event) => onChange({ ...value, text: event.target.value })}
        />
      )}
    </fieldset>
  );
}
