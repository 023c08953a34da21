import { defineTexts, type TextKey, type Translate } from '../i18n/texts.ts';
import { en } from '../i18n/en.ts';
import { vi } from '../i18n/vi.ts';

/**
 * The app's shared words (the shell, common buttons, fields, roles) and the screens that have no
 * namespace of their own yet (organisations, people, movements, accounts, audit): i18next's default
 * namespace, written in i18n/vi.ts and i18n/en.ts.
 */
export const appTexts = defineTexts('translation', { vi, en });
export type AppT = Translate<TextKey<typeof vi>>;

/** For any sorting done in the browser (lists normally arrive sorted by the server). */
export const viCollator = new Intl.Collator('vi');
