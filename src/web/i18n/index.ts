import { currentLanguageOf, i18n, type Language } from './texts.ts';

/** The UI language: Vietnamese unless English was chosen, kept in localStorage and on <html lang>. */
export type { Language } from './texts.ts';
const STORAGE_KEY = 'thidua.lang';

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

void i18n.changeLanguage(storedLanguage());
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
  return currentLanguageOf(i18n.language);
}

export function setLanguage(lang: Language): Promise<unknown> {
  return i18n.changeLanguage(lang);
}

export { i18n };
