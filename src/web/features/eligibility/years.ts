import { currentYear } from '../../app/format.ts';

/** Years offered by the year pickers: this year and the ten before it, newest first. */
export function yearOptions(): Array<{ value: string; label: string }> {
  const now = currentYear();
  return Array.from({ length: 11 }, (_, i) => String(now - i)).map((y) => ({ value: y, label: y }));
}
