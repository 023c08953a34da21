import { useState } from 'react';
// the calendar's code, styles and dayjs come with the first page that has a date field, not with the shell
import '@mantine/dates/styles.layer.css';
import { DateInput } from '@mantine/dates';
import { AppDatesProvider } from './AppDatesProvider.tsx';
import type { MantineSpacing, StyleProp } from '@mantine/core';
import { parseDate } from './dates.ts';
import { formatDate } from './format.ts';
import classes from './dates.module.css';
import { useTexts } from '../i18n/texts.ts';
import { appTexts } from './text.ts';

interface Props {
  label: string;
  /** 'YYYY-MM-DD', or '' when empty */
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  /** an optional date may be emptied (clear button, or delete the text) */
  clearable?: boolean;
  description?: string;
  error?: string;
  maw?: StyleProp<React.CSSProperties['maxWidth']>;
  mb?: StyleProp<MantineSpacing>;
  'data-testid'?: string;
}

/**
 * A calendar date shown and typed as dd/mm/yyyy whatever the browser's locale, with a calendar to pick
 * from; the value stays the API's 'YYYY-MM-DD'. Every control in the calendar has a name in the UI language.
 */
export function DateField({ label, value, onChange, required, clearable, description, error, maw, mb, ...rest }: Props) {
  const { t } = useTexts(appTexts);
  // While the calendar is open, Escape closes the calendar only, not the dialog the field is in.
  const [calendarOpen, setCalendarOpen] = useState(false);
  return (
    <AppDatesProvider>
      <DateInput
        label={label}
        description={description}
        // The hint goes under the field, so that date fields line up with their neighbours in a grid.
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        error={error}
        required={required}
        clearable={clearable}
        clearButtonProps={{ 'aria-label': t('common.clearDate', { label }) }}
        value={value || null}
        onChange={(v) => onChange(v ?? '')}
        valueFormat="DD/MM/YYYY"
        dateParser={parseDate}
        placeholder={t('common.datePlaceholder')}
        maw={maw}
        mb={mb}
        nextLabel={t('calendar.next')}
        previousLabel={t('calendar.previous')}
        ariaLabels={{
          nextMonth: t('calendar.nextMonth'),
          previousMonth: t('calendar.previousMonth'),
          nextYear: t('calendar.nextYear'),
          previousYear: t('calendar.previousYear'),
          nextDecade: t('calendar.nextDecade'),
          previousDecade: t('calendar.previousDecade'),
          monthLevelControl: t('calendar.chooseMonth'),
          yearLevelControl: t('calendar.chooseYear'),
        }}
        getDayAriaLabel={(date) => formatDate(date)}
        monthLabelFormat={t('calendar.monthLabel')}
        popoverProps={{ withinPortal: true, onOpen: () => setCalendarOpen(true), onClose: () => setCalendarOpen(false) }}
        data-mantine-stop-propagation={calendarOpen ? 'true' : undefined}
        classNames={{ day: classes.day }}
        data-testid={rest['data-testid']}
      />
    </AppDatesProvider>
  );
}
