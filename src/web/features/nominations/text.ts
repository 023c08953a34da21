import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/index.ts';
import { enNominations, viNominations, type NominationsMessages } from './messages.ts';

/**
 * The strings of the nomination screens and the notifications bell, as their own i18next namespace
 * (the pattern of records/text.ts): kept out of the main namespace's type, whose size is at the limit of
 * what TypeScript checks. Keys here are checked by `NominationsKey`.
 */
const NS = 'nominations';
i18n.addResourceBundle('vi', NS, viNominations, true, true);
i18n.addResourceBundle('en', NS, enNominations, true, true);

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type NominationsKey = Leaves<NominationsMessages>;
export type NominationsT = (key: NominationsKey, values?: Record<string, unknown>) => string;

type AnyT = (key: string, options?: Record<string, unknown>) => string;

/** `t` for these screens: `t('statuses.draft')`; follows the UI language. `common` is the main namespace. */
export function useNominationsText(): { t: NominationsT; common: AnyT } {
  const { t } = useTranslation();
  const any = t as unknown as AnyT;
  return {
    t: (key, values) => any(`${NS}:${key}`, values),
    common: (key, values) => any(key, values),
  };
}
