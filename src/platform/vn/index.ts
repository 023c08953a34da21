/** Vietnamese text, names, sorting, dates and the clock: the one module the app uses. */
export { foldVietnamese, foldQuery, normalizeToneMarks } from './fold.ts';
export { splitVietnameseName, joinVietnameseName, type VietnameseName } from './names.ts';
export { personSortKey, textSortKey } from './sort.ts';
export {
  formatDate,
  formatLongDate,
  parseDate,
  isIsoDate,
  todayInVietnam,
  isValidOn,
  rangesOverlap,
  addDays,
  type IsoDate,
  type DateRange,
} from './dates.ts';
export { systemClock, fixedClock, type Clock } from './clock.ts';
