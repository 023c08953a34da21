import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, NumberInput, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { ConfirmButton } from '../../app/ConfirmButton.tsx';
import { DateField } from '../../app/DateField.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { currentYear, formatDate } from '../../app/format.ts';
import { focusFirstInvalid } from '../../app/forms.ts';
import { Loading } from '../../app/Loading.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { appTexts } from '../../app/text.ts';
import { useTexts } from '../../i18n/texts.ts';
import { useDeleteDay, useHolidayYear, useSetDay, type HolidayYear } from './api.ts';
import { calendarTexts } from './text.ts';

type Source = 'default' | 'shared' | 'own';

/** Each day off or worked in the year, with where it comes from (the latest layer names it). */
function rows(year: HolidayYear) {
  const names = new Map<string, { name: string; source: Source }>();
  for (const d of year.defaults) names.set(d.date, { name: d.name, source: 'default' });
  for (const d of year.shared) names.set(d.date, { name: d.name ?? '', source: 'shared' });
  for (const d of year.own) names.set(d.date, { name: d.name ?? '', source: 'own' });
  const line = (date: string) => ({ date, ...(names.get(date) ?? { name: '', source: 'default' as Source }) });
  return { off: year.offWeekdays.map(line), worked: year.workedWeekends.map(line) };
}

/** "Ngày nghỉ lễ": the tenant's working calendar for a year; its administrator edits its own days, the operator the shared ones. */
export function HolidaysPage() {
  const { t } = useTexts(calendarTexts);
  usePageTitle(t('title'));
  const [year, setYear] = useState<number>(currentYear());
  const query = useHolidayYear(year);
  const data = query.data;
  return (
    <Stack>
      <Title order={1} size="h2">{t('title')}</Title>
      <Text>{t('intro')}</Text>
      <NumberInput label={t('year')} value={year} min={1900} max={2199} allowDecimal={false} maw={160}
        onChange={(v) => { if (typeof v === 'number' && v >= 1900 && v <= 2199) setYear(v); }} />
      {query.isPending ? <Loading /> : !data ? <ErrorAlert error={query.error} /> : <YearTables data={data} />}
      {data?.canManageOwn && <DayForm scope="own" />}
      {data?.canManageShared && <DayForm scope="shared" />}
    </Stack>
  );
}

function YearTables({ data }: { data: HolidayYear }) {
  const { t } = useTexts(calendarTexts);
  const { off, worked } = rows(data);
  const removable = (source: Source) => (source === 'own' && data.canManageOwn ? 'own' : source === 'shared' && data.canManageShared ? 'shared' : null);
  const table = (caption: string, lines: ReturnType<typeof rows>['off'], testId: string) => (
    <ScrollTable minWidth={560} label={caption}>
      <Table striped aria-label={caption} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('date')}</Table.Th>
            <Table.Th scope="col">{t('name')}</Table.Th>
            <Table.Th scope="col">{t('source')}</Table.Th>
            <Table.Th scope="col"><VisuallyHidden>{t('remove')}</VisuallyHidden></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.length === 0 && <Table.Tr><Table.Td colSpan={4}>{t('none')}</Table.Td></Table.Tr>}
          {lines.map((l) => {
            const scope = removable(l.source);
            return (
              <Table.Tr key={l.date}>
                <Table.Td>{formatDate(l.date)}</Table.Td>
                <Table.Td>{l.name}</Table.Td>
                <Table.Td><Badge variant="light" color={l.source === 'own' ? 'grape' : l.source === 'shared' ? 'blue' : 'gray'}>{t(`sources.${l.source}`)}</Badge></Table.Td>
                <Table.Td>{scope && <RemoveDay scope={scope} date={l.date} />}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
  // a day the tenant or the operator gave back (worked on a default holiday) shows in neither list: list those changes too
  const changes = [...data.shared.map((d) => ({ ...d, source: 'shared' as const })), ...data.own.map((d) => ({ ...d, source: 'own' as const }))]
    .filter((d) => !d.off && !data.workedWeekends.includes(d.date));
  return (
    <Stack>
      <Title order={2} size="h3">{t('offHeading', { year: data.year })}</Title>
      {table(t('offHeading', { year: data.year }), off, 'days-off')}
      <Title order={2} size="h3">{t('workedHeading')}</Title>
      {table(t('workedHeading'), [...worked, ...changes.map((d) => ({ date: d.date, name: d.name ?? '', source: d.source as Source }))], 'days-worked')}
    </Stack>
  );
}

function RemoveDay({ scope, date }: { scope: 'own' | 'shared'; date: string }) {
  const { t } = useTexts(calendarTexts);
  const remove = useDeleteDay(scope);
  return (
    <ConfirmButton variant="subtle" size="compact-sm" color="red" label={`${t('remove')} ${formatDate(date)}`}
      question={t('removeQuestion', { date: formatDate(date) })} confirmLabel={t('remove')} onConfirm={() => remove.mutateAsync(date)}>
      {t('remove')}
    </ConfirmButton>
  );
}

function DayForm({ scope }: { scope: 'own' | 'shared' }) {
  const { t } = useTexts(calendarTexts);
  const { t: common } = useTexts(appTexts);
  const save = useSetDay(scope);
  const [date, setDate] = useState('');
  const [off, setOff] = useState('off');
  const [name, setName] = useState('');
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState(false);
  const heading = scope === 'own' ? t('ownHeading') : t('sharedHeading');
  const id = `day-form-${scope}`;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    setSaved(false);
    if (!date || name.trim() === '') return focusFirstInvalid(e.currentTarget);
    save.mutate({ date, off: off === 'off', name: name.trim() }, {
      onSuccess: () => { setSaved(true); setTried(false); setDate(''); setName(''); },
    });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <form onSubmit={submit} noValidate data-testid={id}>
        <Title order={2} size="h4" id={id} mb="xs">{heading}</Title>
        <Text size="sm" c="dimmed" mb="sm">{scope === 'own' ? t('ownHint') : t('sharedHint')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField label={t('date')} required value={date} onChange={setDate} error={tried && !date ? common('common.required') : undefined} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id={`${id}-kind`}>{t('kind')}</Text>
            <SegmentedControl aria-labelledby={`${id}-kind`} value={off} onChange={setOff}
              data={[{ value: 'off', label: t('off') }, { value: 'worked', label: t('worked') }]} />
          </Stack>
          <TextInput label={t('name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={200}
            error={tried && name.trim() === '' ? common('common.required') : undefined} />
        </SimpleGrid>
        <ErrorAlert error={save.error} />
        {saved && <Alert color="green" variant="light" role="status" mt="sm">{t('saved')}</Alert>}
        <Group mt="sm"><Button type="submit" loading={save.isPending}>{t('add')}</Button></Group>
      </form>
    </Paper>
  );
}
