/** Display formats: calendar dates dd/mm/yyyy, instants in Asia/Ho_Chi_Minh. */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** 'YYYY-MM-DD' (a calendar date, no time zone) → 'dd/mm/yyyy'. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

const instantFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** ISO instant → 'dd/mm/yyyy HH:mm' as seen in Vietnam. */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    instantFormat.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}

/**
 * The app's clock, as the server keeps it (GET /api/auth/session gives its instant): the browser's own
 * clock may be wrong or elsewhere, and a training room or test sets the server's (CLOCK_START).
 */
let appClockOffset = 0;
export function setAppNow(iso: string) {
  const ms = new Date(iso).getTime();
  if (!Number.isNaN(ms)) appClockOffset = ms - Date.now();
}
export const appNow = () => new Date(Date.now() + appClockOffset);

/** Today's calendar date in Vietnam, 'YYYY-MM-DD' (by default on the app's clock). */
export function todayIso(now: Date = appNow()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now);
}

export function currentYear(): number {
  return Number(todayIso().slice(0, 4));
}

/**
 * The year whose achievements are being reviewed: titles for a year are considered from December
 * (the year-end review) into the next year, so until 1 December it is last year.
 */
export function reviewYear(): number {
  const today = todayIso();
  return Number(today.slice(5, 7)) === 12 ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;
}
