import { defineTexts, type TextKey, type Translate } from '../i18n/texts.ts';
import { vi } from '../i18n/vi.ts';

/**
 * The app's shared words (the shell, common buttons, fields, roles) and the screens that have no
 * namespace of their own yet (organisations, people): i18next's default
 * namespace, written in i18n/vi.ts and i18n/en.ts. The shell is on every first page: its English is fetched only
 * when English is chosen.
 */
export const appTexts = defineTexts('translation', { vi, en: () => import('../i18n/en.ts').then((m) => m.en) });
export type AppT = Translate<TextKey<typeof vi>>;

/** For any sorting done in the browser (lists normally arrive sorted by the server). */
export const viCollator = new Intl.Collator('vi');
