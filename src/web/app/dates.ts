import dayjs from 'dayjs';
import 'dayjs/locale/vi';

/**
 * What a person types into a date field → the API's calendar date 'YYYY-MM-DD', or null while the text
 * is not (yet) a whole, real date. Day first, as written in Vietnam: 17/09/2019, 17-9-2019, 17.09.2019;
 * 'YYYY-MM-DD' is accepted too (pasted from elsewhere). The year must have four digits, so that typing
 * "17/09/2" does not jump to the year 2.
 */
export function parseDate(text: string): string | null {
  const value = text.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const parts = dmy ? [dmy[3], dmy[2], dmy[1]] : ymd ? [ymd[1], ymd[2], ymd[3]] : null;
  if (!parts) return null;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The dayjs locale for the UI language (month and weekday names in the calendar). */
export function dayjsLocale(language: string): string {
  return language === 'en' ? 'en' : 'vi';
}

export { dayjs };
