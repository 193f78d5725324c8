import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { languages, storeLanguage, type Language } from '../i18n/languages';

/** Switches between English and Simplified Chinese and remembers the choice. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const handleChange = (language: Language) => {
    storeLanguage(language);
    void i18n.changeLanguage(language);
  };
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={i18n.language}
        onChange={(event) => handleChange(event.target.value as Language)}
      >
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
