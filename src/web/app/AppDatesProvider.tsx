import type { ReactNode } from 'react';
import { DatesProvider } from '@mantine/dates';
import { dayjsLocale } from './dates.ts';
import { useTexts } from '../i18n/texts.ts';
import { appTexts } from './text.ts';

/** Calendars in the UI language, weeks starting on Monday as in Vietnam. */
export function AppDatesProvider({ children }: { children: ReactNode }) {
  const { lang } = useTexts(appTexts);
  return (
    <DatesProvider settings={{ locale: dayjsLocale(lang), firstDayOfWeek: 1, weekendDays: [0, 6] }}>
      {children}
    </DatesProvider>
  );
}
