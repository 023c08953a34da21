import i18next from 'i18next';
import { useMemo } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';

/**
 * The one way the web app declares and reads its words. A feature's `text.ts` writes its Vietnamese
 * strings, then the English ones typed as `typeof vi` (a missing or extra English key is a compile
 * error), and registers them:
 *
 *     export const archiveTexts = defineTexts('archive', { vi, en });
 *
 * and a component reads them with `const { t } = useTexts(archiveTexts)`: `t('title')`,
 * `t('revokedBadge', { date })`. Strings use i18next's `{{name}}` interpolation; i18next does the
 * work at run time. The keys are checked by our own small `TextKey` type, not by i18next's typed
 * resources (CustomTypeOptions), which cost TypeScript millions of instantiations and gave up
 * ("excessively deep") once the app had a few hundred keys.
 */

export type Language = 'vi' | 'en';

/** What a namespace's `vi` object is: strings, nested by screen or topic. */
export interface TextTree {
  readonly [key: string]: string | TextTree;
}

/** The dotted key of every string of a tree: 'title', 'basis.merit'. */
export type TextKey<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${TextKey<T[K]>}`;
}[keyof T & string];

/** Interpolation values (`{{name}}`), and `count` for i18next's plurals. */
export type TextValues = Readonly<Record<string, unknown>>;

/** A `t` over one namespace's keys. */
export type Translate<K extends string> = (key: K, values?: TextValues) => string;

export interface Texts<T extends TextTree> {
  readonly namespace: string;
  readonly vi: T;
  /** Undefined until loaded when the namespace was defined with a loader (see `defineTexts`). */
  readonly en: T | undefined;
  /** Outside React (API errors, tests): the string in `lang`, by default the UI's current language. */
  t(key: TextKey<T>, values?: TextValues, lang?: Language): string;
}

/** The i18next instance: no DOM here, so tests and pure modules may import texts; i18n/index.ts picks the language. */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: {},
  lng: 'vi',
  fallbackLng: 'vi',
  defaultNS: 'translation',
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
});

export const currentLanguageOf = (language: string | undefined): Language => (language === 'en' ? 'en' : 'vi');

interface Registered { namespace: string; vi: TextTree; en: TextTree | undefined; loadEnglish?: () => Promise<TextTree> }
const registered = new Map<string, Registered>();

/**
 * Registers a namespace's strings and returns the handle `useTexts` and `t` read them through. `en` may be a loader
 * (`() => import('./en.ts').then((m) => m.en)`) for words the first page's code defines, so that Vietnamese readers
 * do not download the English: `setLanguage('en')` loads every such namespace before the UI switches.
 */
export function defineTexts<T extends TextTree>(namespace: string, texts: { vi: T; en: NoInfer<T> | (() => Promise<NoInfer<T>>) }): Texts<T> {
  if (registered.has(namespace)) throw new Error(`texts: namespace "${namespace}" is defined twice`);
  i18n.addResourceBundle('vi', namespace, texts.vi, true, true);
  const entry: Registered = { namespace, vi: texts.vi, en: undefined };
  if (typeof texts.en === 'function') entry.loadEnglish = texts.en;
  else {
    entry.en = texts.en;
    i18n.addResourceBundle('en', namespace, texts.en, true, true);
  }
  const handle: Texts<T> = {
    namespace,
    vi: texts.vi,
    get en() { return entry.en as T | undefined; },
    t: (key, values, lang) => i18n.t(key, { ...values, ns: namespace, lng: lang ?? currentLanguageOf(i18n.language) }),
  };
  registered.set(namespace, entry);
  return handle;
}

/** Makes every namespace's words in `lang` available (the English ones given as loaders); call before switching. */
export async function loadLanguage(lang: Language): Promise<void> {
  if (lang === 'vi') return;
  await Promise.all([...registered.values()].map(async (entry) => {
    if (entry.en || !entry.loadEnglish) return;
    const en = await entry.loadEnglish();
    i18n.addResourceBundle('en', entry.namespace, en, true, true);
    entry.en = en;
  }));
}

/** Every namespace defined so far, with its English once loaded (a test holds vi and en to the same keys). */
export function definedTexts(): readonly { namespace: string; vi: TextTree; en: TextTree | undefined }[] {
  return [...registered.values()].map(({ namespace, vi, en }) => ({ namespace, vi, en }));
}

/**
 * A namespace's `t` in the UI's language, re-rendering when the language changes; `lang` for number
 * and date formats; `strings` is the namespace's tree in that language, for lists read as a whole.
 */
export function useTexts<T extends TextTree>(texts: Texts<T>): { t: Translate<TextKey<T>>; lang: Language; strings: T } {
  const { i18n: instance } = useTranslation(texts.namespace, { i18n });
  const lang = currentLanguageOf(instance.language);
  return useMemo(
    // English is loaded before the UI switches to it (loadLanguage)
    () => ({ t: (key: TextKey<T>, values?: TextValues) => texts.t(key, values, lang), lang, strings: (lang === 'en' && texts.en) || texts.vi }),
    [texts, lang],
  );
}
