import { defineTexts, type TextKey, type Translate } from '../../i18n/texts.ts';
import { enRecords, viRecords } from './messages.ts';

/** The strings of the records, eligibility, import and catalogue screens (written in messages.ts). */
export const recordsTexts = defineTexts('records', { vi: viRecords, en: enRecords });
export type RecordsT = Translate<TextKey<typeof viRecords>>;
