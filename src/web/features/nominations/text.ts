import { defineTexts, type TextKey, type Translate } from '../../i18n/texts.ts';
import { enNominations, viNominations } from './messages.ts';

/** The strings of the nomination screens and the notifications bell (written in messages.ts). */
export const nominationsTexts = defineTexts('nominations', { vi: viNominations, en: enNominations });
export type NominationsT = Translate<TextKey<typeof viNominations>>;
