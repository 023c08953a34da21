import { z } from 'zod';

/** The years a date of this domain may fall in: people born after 1900, plans and deadlines before 2200. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

/**
 * The one schema of a calendar date, 'YYYY-MM-DD', for bodies, queries and responses alike. Real dates
 * only, in sensible years: year 0000 (which PostgreSQL refuses) or 9999-12-31 (whose next day overflows)
 * are a 400 with the reason, never a 500.
 */
export const calendarDate = z.iso.date().refine((value) => {
  const year = Number(value.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}, { message: 'date.out_of_range' }).describe('calendar date YYYY-MM-DD');
