import { useMemo, useState } from 'react';
import { Input, MultiSelect, NumberInput, SimpleGrid } from '@mantine/core';
import { AppSelect } from '../../app/AppSelect.tsx';
import { formatDate, todayIso } from '../../app/format.ts';
import { appTexts } from '../../app/text.ts';
import { foldQuery, foldVietnamese } from '../../../shared/vn/fold.ts';
import { useOrgTree } from '../organisations/api.ts';
import { buildTree, treeOrder } from '../organisations/tree.ts';
import { useAwardForms } from '../movements/api.ts';
import { statisticsTexts } from './text.ts';
import { CATEGORIES, GROUPS, LEVELS, RECIPIENTS, type StatisticsSearch } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';

interface Props {
  search: StatisticsSearch;
  unit: string | null;
  from: number;
  onChange: (changes: StatisticsSearch) => void;
}

const year = (v: string | number) => (typeof v === 'number' && Number.isInteger(v) && v >= 1945 && v <= 2100 ? v : undefined);

/** A year typed digit by digit: only a whole year (1945–2100) reaches the address, the digits before it stay in the field. */
function YearField({ label, value, onYear, ...rest }: { label: string; value: number; onYear: (year: number) => void; 'data-testid': string }) {
  const [typed, setTyped] = useState<string | number>(value);
  // digits on their way to a year stay as typed; a whole year shows what the address holds
  return (
    <NumberInput label={label} min={1945} max={2100} value={year(typed) === undefined ? typed : value} allowDecimal={false} {...rest}
      onChange={(v) => {
        setTyped(v);
        const y = year(v);
        if (y !== undefined) onYear(y);
      }} />
  );
}

/**
 * The unit (any in my scope, including units that no longer exist: a district abolished in 2025 still
 * has its 2022 figures), the years and the filters. Every change goes to the address.
 */
export function StatisticsFilters({ search, unit, from, onChange }: Props) {
  const { t } = useTexts(statisticsTexts);
  const { t: common } = useTexts(appTexts);
  const tree = useOrgTree(todayIso(), true);
  const forms = useAwardForms();
  const units = useMemo(() => treeOrder(buildTree(tree.data ?? [])).map(({ org, depth }) => ({
    value: org.id, depth, label: org.validTo ? `${org.name} (${t('ended', { date: formatDate(org.validTo) })})` : org.name,
  })), [tree.data, t]);
  const choice = <T extends string>(values: readonly T[], label: (v: T) => string) => values.map((v) => ({ value: v, label: label(v) }));
  const selectedForms = search.forms ? search.forms.split(',') : [];
  const to = search.to !== undefined && search.to >= from ? search.to : from;

  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} role="group" aria-label={t('filters')} style={{ alignItems: 'end' }}>
      <AppSelect
        label={t('unit')} description={t('unitHelp')} value={unit} searchable data={units} limit={300} data-testid="statistics-unit"
        nothingFoundMessage={common('common.nothingFound')} placeholder={tree.isPending ? common('common.loading') : undefined}
        filter={({ options, search: needle }) => {
          const f = foldQuery(needle);
          return f ? options.filter((o) => 'label' in o && foldVietnamese(o.label).includes(f)) : options;
        }}
        renderOption={({ option }) => (
          <span style={{ paddingInlineStart: `${(units.find((u) => u.value === option.value)?.depth ?? 0) * 0.75}rem` }}>{option.label}</span>
        )}
        onChange={(v) => v && onChange({ unit: v })}
      />
      {/* each end of the period moves the other only when it would pass it: 'Đến năm' keeps what it shows */}
      <YearField label={t('fromYear')} value={from} data-testid="statistics-from"
        onYear={(y) => onChange({ from: y, to: Math.max(y, to) })} />
      <YearField label={t('toYear')} value={to} data-testid="statistics-to"
        onYear={(y) => onChange({ to: y, from: Math.min(y, from) })} />
      <AppSelect
        label={t('group')} value={search.group ?? null} clearable placeholder={t('all')} data-testid="statistics-group"
        data={choice(GROUPS, (g) => t(`groups.${g}`))} onChange={(v) => onChange({ group: (v ?? undefined) as StatisticsSearch['group'] })}
      />
      <Input.Wrapper label={t('awardForms')} id="statistics-forms">
        <MultiSelect
          id="statistics-forms" aria-labelledby="statistics-forms-label" searchable clearable placeholder={selectedForms.length ? undefined : t('all')}
          data={(forms.data ?? []).map((f) => ({ value: f.code, label: f.name }))} value={selectedForms}
          withScrollArea={false} styles={{ options: { maxHeight: '16rem', overflowY: 'auto' } }}
          clearButtonProps={{ 'aria-label': common('common.clear') }}
          onChange={(codes) => onChange({ forms: codes.length ? codes.join(',') : undefined })}
        />
      </Input.Wrapper>
      <AppSelect
        label={t('level')} value={search.level ?? null} clearable placeholder={t('all')}
        data={choice(LEVELS, (l) => t(`levels.${l}`))} onChange={(v) => onChange({ level: (v ?? undefined) as StatisticsSearch['level'] })}
      />
      <AppSelect
        label={t('category')} value={search.category ?? null} clearable placeholder={t('all')}
        data={choice(CATEGORIES, (c) => t(`categories.${c}`))} onChange={(v) => onChange({ category: (v ?? undefined) as StatisticsSearch['category'] })}
      />
      <AppSelect
        label={t('recipient')} value={search.recipient ?? null} clearable placeholder={t('all')}
        data={choice(RECIPIENTS, (r) => t(`recipients.${r}`))} onChange={(v) => onChange({ recipient: (v ?? undefined) as StatisticsSearch['recipient'] })}
      />
    </SimpleGrid>
  );
}
