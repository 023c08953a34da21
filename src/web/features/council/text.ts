import { defineTexts, type TextKey, type Translate } from '../../i18n/texts.ts';
import { enCouncil, viCouncil } from './messages.ts';

/** The council screens' strings (written in messages.ts). */
export const councilTexts = defineTexts('council', { vi: viCouncil, en: enCouncil });
export type CouncilT = Translate<TextKey<typeof viCouncil>>;
