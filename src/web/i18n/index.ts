import { currentLanguageOf, i18n, loadLanguage, type Language } from './texts.ts';

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

document.documentElement.lang = 'vi';
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

/** Switches once the language's words are loaded, so that no key or half-translated screen shows in between. */
export async function setLanguage(lang: Language): Promise<unknown> {
  await loadLanguage(lang);
  return i18n.changeLanguage(lang);
}

/**
 * Switches to the stored language: Vietnamese at once; English once its words are loaded, or Vietnamese if they
 * cannot be (offline). main.tsx calls it after every module has defined its words, and renders after it.
 */
export function restoreLanguage(): Promise<unknown> {
  return storedLanguage() === 'en' ? setLanguage('en').catch(() => undefined) : Promise.resolve();
}

export { i18n };
