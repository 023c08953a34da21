import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/index.ts';
import { viRecords, type RecordsMessages } from '../../i18n/vi.ts';
import { enRecords } from '../../i18n/en.ts';

/**
 * The strings of the records, eligibility, import and catalogue screens live in vi.ts/en.ts as their own
 * i18next namespace. They are kept out of the main namespace's type on purpose: i18next checks
 * template-literal keys against the union of every key, and the main namespace is at the size where
 * that check gives up ("excessively deep"). Keys here are checked by `RecordsKey` instead.
 */
const NS = 'records';
i18n.addResourceBundle('vi', NS, viRecords, true, true);
i18n.addResourceBundle('en', NS, enRecords, true, true);

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type RecordsKey = Leaves<RecordsMessages>;
export type RecordsT = (key: RecordsKey, values?: Record<string, unknown>) => string;

type AnyT = (key: string, options?: Record<string, unknown>) => string;

/** `t` for these screens: `t('records.heading')`, `t('eligibility.status.met')`; follows the UI language. */
export function useRecordsText(): { t: RecordsT; common: AnyT } {
  const { t } = useTranslation();
  const any = t as unknown as AnyT;
  return {
    t: (key, values) => any(`${NS}:${key}`, values),
    /** the main namespace, for shared words (common.cancel, …) */
    common: (key, values) => any(key, values),
  };
}
