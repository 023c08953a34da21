import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/index.ts';
import { enCouncil, viCouncil, type CouncilMessages } from './messages.ts';

/** The council screens' own i18next namespace (kept out of the main namespace's type, as records/text.ts explains). */
const NS = 'council';
i18n.addResourceBundle('vi', NS, viCouncil, true, true);
i18n.addResourceBundle('en', NS, enCouncil, true, true);

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type CouncilKey = Leaves<CouncilMessages>;
export type CouncilT = (key: CouncilKey, values?: Record<string, unknown>) => string;

type AnyT = (key: string, options?: Record<string, unknown>) => string;

export function useCouncilText(): { t: CouncilT; common: AnyT } {
  const { t } = useTranslation();
  const any = t as unknown as AnyT;
  return { t: (key, values) => any(`${NS}:${key}`, values), common: (key, values) => any(key, values) };
}
