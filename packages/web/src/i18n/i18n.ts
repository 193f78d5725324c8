import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import operatorEn from './locales/operator.en.json';
import operatorZhCN from './locales/operator.zh-CN.json';
import privacyEn from './locales/privacy.en.json';
import privacyZhCN from './locales/privacy.zh-CN.json';
import groupsEn from './locales/groups.en.json';
import groupsZh from './locales/groups.zh-CN.json';
import settingsEn from './locales/settings.en.json';
import settingsZh from './locales/settings.zh-CN.json';
import orgEn from './locales/org.en.json';
import orgZh from './locales/org.zh-CN.json';
import orgAdminEn from './locales/org-admin.en.json';
import orgAdminZh from './locales/org-admin.zh-CN.json';
import contactsMoreEn from './locales/contacts-more.en.json';
import contactsMoreZh from './locales/contacts-more.zh-CN.json';
import conversationMoreEn from './locales/conversation-more.en.json';
import conversationMoreZh from './locales/conversation-more.zh-CN.json';
import notificationsEn from './locales/notifications.en.json';
import notificationsZh from './locales/notifications.zh-CN.json';
import recoveryEn from './locales/recovery.en.json';
import recoveryZh from './locales/recovery.zh-CN.json';
import { pickLanguage, storedLanguage, type Language } from './languages';

/** Every string the client shows, per language; components only name keys. */
export const resources = {
  en: {
    translation: {
      ...en,
      ...privacyEn,
      ...operatorEn,
      ...groupsEn,
      ...settingsEn,
      ...orgEn,
      ...orgAdminEn,
      ...contactsMoreEn,
      ...conversationMoreEn,
      ...notificationsEn,
      ...recoveryEn,
    },
  },
  'zh-CN': {
    translation: {
      ...zhCN,
      ...privacyZhCN,
      ...operatorZhCN,
      ...groupsZh,
      ...settingsZh,
      ...orgZh,
      ...orgAdminZh,
      ...contactsMoreZh,
      ...conversationMoreZh,
      ...notificationsZh,
      ...recoveryZh,
    },
  },
} as const;

/**
 * Makes an i18next instance in the language `pickLanguage` chooses before the
 * edition is known (English is the fallback until then).
 */
export function createI18n(browser: readonly string[]): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: pickLanguage(storedLanguage(), browser, 'en'),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  instance.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  document.documentElement.lang = instance.language;
  return instance;
}

/** Once the edition is known: follow its prevailing language unless the browser or person chose. */
export function applyPrevailingLanguage(
  instance: i18n,
  prevailing: Language,
  browser: readonly string[],
): void {
  const language = pickLanguage(storedLanguage(), browser, prevailing);
  if (instance.language !== language) void instance.changeLanguage(language);
}
