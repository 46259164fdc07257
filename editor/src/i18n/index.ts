import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { detectLanguage, rememberLanguage } from './language';
import { namespaces, resources, type Language } from './resources';

export const i18n: I18n = i18next.createInstance();

/** Initialises the shared i18next instance once; safe to call again (tests, HMR). */
export function initI18n(language: Language = detectLanguage()): I18n {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources,
      lng: language,
      fallbackLng: 'en',
      supportedLngs: ['en', 'pl'],
      ns: namespaces,
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
  } else if (i18n.language !== language) {
    void i18n.changeLanguage(language);
  }
  syncDocumentLanguage(language);
  return i18n;
}

/** The user's explicit switch: applied now and remembered for the next visit. */
export async function setLanguage(language: Language): Promise<void> {
  rememberLanguage(language);
  await i18n.changeLanguage(language);
  syncDocumentLanguage(language);
}

function syncDocumentLanguage(language: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export { detectLanguage, rememberLanguage, LANGUAGE_STORAGE_KEY } from './language';
export { SUPPORTED_LANGUAGES, type Language } from './resources';
export { formatRelativeTime, formatNumber, formatDateTime } from './format';
