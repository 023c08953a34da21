import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { vi, type Messages } from './vi.ts';
import { en } from './en.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export type Language = 'vi' | 'en';
const STORAGE_KEY = 'thidua.lang';

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'vi',
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
});

document.documentElement.lang = currentLanguage();
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // private mode: the choice lasts for this page only
  }
});

/** The language the UI shows, also sent as Accept-Language on every API call. */
export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'vi';
}

export function setLanguage(lang: Language): Promise<unknown> {
  return i18n.changeLanguage(lang);
}

export { i18n };
