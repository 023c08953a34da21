import { z } from 'zod';

import { FIRST_YEAR, LAST_YEAR } from '../vn/dates.ts';

/**
 * The one schema of a calendar date, 'YYYY-MM-DD', for bodies, queries and responses alike. Real dates
 * only, in the years every date of the app keeps to (platform/vn/dates.ts, the spreadsheets' reader too):
 * year 0000 (which PostgreSQL refuses) or 9999-12-31 (whose next day overflows) is a 400 with the reason,
 * never a 500. The bounds are wide on purpose: a response is checked against this schema as well, and a
 * stored date must never fail it.
 */
export const calendarDate = z.iso.date().refine((value) => {
  // a malformed date is the format check's to report, once
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return true;
  const year = Number(value.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}, { message: 'date.out_of_range' }).describe('calendar date YYYY-MM-DD');
