import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services';
import { formatLocale } from './format-locale';

/** The tag to hand the format* functions: on-screen language, browser's regional conventions. */
export function useFormatLocale(): string {
  const { i18n } = useTranslation();
  const { languages } = useServices();
  return formatLocale(i18n.language, languages);
}
