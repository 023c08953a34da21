/**
 * The one date helper for domain dates.
 *
 * Domain dates (decision dates, date of birth, validity ranges, "as of"
 * dates) are *calendar dates* with no time and no zone. They are carried as
 * ISO strings 'YYYY-MM-DD' everywhere: in JSON, in PostgreSQL `date`
 * columns, and in code. Such strings compare correctly with `<` / `===`.
 *
 * Never turn a domain date into a JS `Date` in the machine's local zone:
 * a server in UTC would shift "today" by up to 7 hours relative to Vietnam.
 * The only bridge from an instant to a calendar date is `todayInVietnam`,
 * which always uses Asia/Ho_Chi_Minh.
 */

/** A calendar date 'YYYY-MM-DD' (years 0001–9999). */
export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const VN_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** The years a date may fall in, everywhere (API, spreadsheets): far outside what the work needs, inside what PostgreSQL and date arithmetic take. */
export const FIRST_YEAR = 1000;
export const LAST_YEAR = 2999;

function isRealDate(y: number, m: number, d: number): boolean {
  return y >= FIRST_YEAR && y <= LAST_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function toIso(y: number, m: number, d: number): IsoDate {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** Split a valid IsoDate into numbers; throws RangeError on anything else. */
function parts(d: IsoDate): { y: number; m: number; day: number } {
  const match = ISO_RE.exec(d);
  if (match) {
    const y = Number(match[1]);
    const m = Number(match[2]);
    const day = Number(match[3]);
    if (isRealDate(y, m, day)) return { y, m, day };
  }
  throw new RangeError(`Not a valid calendar date (YYYY-MM-DD): ${JSON.stringify(d)}`);
}

/** True when `s` is a real calendar date written 'YYYY-MM-DD'. */
export function isIsoDate(s: string): s is IsoDate {
  const match = ISO_RE.exec(s);
  return match !== null && isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** '2019-09-17' → '17/09/2019' (the short form used in tables and forms). */
export function formatDate(d: IsoDate): string {
  const { y, m, day } = parts(d);
  return `${pad(day, 2)}/${pad(m, 2)}/${pad(y, 4)}`;
}

/**
 * Long form for the date line of administrative documents, per Decree
 * 30/2020/NĐ-CP (Appendix I): days below 10 and months 1 and 2 take a
 * leading zero, while months 3–12 and days 10–31 are written as they are
 * (the usual explanation: a digit cannot later be added in front of them).
 *
 *   formatLongDate('2019-09-17')             → 'ngày 17 tháng 9 năm 2019'
 *   formatLongDate('2020-01-05')             → 'ngày 05 tháng 01 năm 2020'
 *   formatLongDate('2020-02-17', 'An Biên')  → 'An Biên, ngày 17 tháng 02 năm 2020'
 */
export function formatLongDate(d: IsoDate, place?: string): string {
  const { y, m, day } = parts(d);
  const dd = day < 10 ? pad(day, 2) : String(day);
  const mm = m <= 2 ? pad(m, 2) : String(m);
  const body = `ngày ${dd} tháng ${mm} năm ${y}`;
  const where = place?.trim().replace(/\s+/gu, ' ') ?? '';
  return where.length > 0 ? `${where}, ${body}` : body;
}

/**
 * Parse user input into an IsoDate, or null.
 * Accepts 'dd/mm/yyyy' (also d/m/yyyy without leading zeros) and
 * 'YYYY-MM-DD'; surrounding whitespace is ignored. Impossible dates
 * (31/02/2020, 29/02/2019) are rejected.
 */
export function parseDate(s: string): IsoDate | null {
  const t = s.trim();
  let y: number;
  let m: number;
  let d: number;
  const iso = ISO_RE.exec(t);
  const vn = iso ? null : VN_RE.exec(t);
  if (iso) {
    y = Number(iso[1]);
    m = Number(iso[2]);
    d = Number(iso[3]);
  } else if (vn) {
    d = Number(vn[1]);
    m = Number(vn[2]);
    y = Number(vn[3]);
  } else {
    return null;
  }
  return isRealDate(y, m, d) ? toIso(y, m, d) : null;
}

// Built once: constructing Intl formatters is comparatively expensive.
const VIETNAM_DATE = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  calendar: 'gregory',
  numberingSystem: 'latn',
});

/**
 * The calendar date in Vietnam at instant `now` (never the machine's zone).
 * 2026-11-21T17:30:00Z is already 2026-11-22 in Vietnam (UTC+7).
 * Pass `clock.now()` (see clock.ts) so tests can fix the instant.
 */
export function todayInVietnam(now: Date): IsoDate {
  if (Number.isNaN(now.getTime())) throw new RangeError('todayInVietnam: invalid Date');
  let y = 0;
  let m = 0;
  let d = 0;
  for (const p of VIETNAM_DATE.formatToParts(now)) {
    if (p.type === 'year') y = Number(p.value);
    else if (p.type === 'month') m = Number(p.value);
    else if (p.type === 'day') d = Number(p.value);
  }
  return toIso(y, m, d);
}

/**
 * Is a record valid on date `d`? Both ends inclusive; validTo null means
 * still valid (open-ended).
 */
export function isValidOn(
  range: { validFrom: IsoDate; validTo: IsoDate | null },
  d: IsoDate,
): boolean {
  // ISO dates compare correctly as strings.
  return range.validFrom <= d && (range.validTo === null || d <= range.validTo);
}

/** An inclusive date range; end null = open-ended. */
export interface DateRange {
  start: IsoDate;
  end: IsoDate | null;
}

/**
 * Do two inclusive ranges share at least one day? Ranges touching on a
 * single day overlap (…–2020-12-31 and 2020-12-31–… do; …–2020-12-31 and
 * 2021-01-01–… do not).
 */
export function rangesOverlap(a: DateRange, b: DateRange): boolean {
  const aStartsBeforeBEnds = b.end === null || a.start <= b.end;
  const bStartsBeforeAEnds = a.end === null || b.start <= a.end;
  return aStartsBeforeBEnds && bStartsBeforeAEnds;
}

/** Add `n` calendar days (n may be negative; must be an integer). */
export function addDays(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`addDays: n must be an integer, got ${n}`);
  const { y, m, day } = parts(d);
  // UTC arithmetic on a UTC-midnight instant: no DST or local-zone effects.
  // setUTCFullYear (not Date.UTC) so years 0001–0099 are not read as 19xx.
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, day + n);
  const result = toIso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  if (!isIsoDate(result)) throw new RangeError(`addDays: result out of range for ${d} + ${n}`);
  return result;
}
