import { Stack, Table, Text } from '@mantine/core';
import { formatDate } from '../../app/format.ts';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { money, reportsTexts } from './text.ts';
import type { AwardFigure, Figures } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';

const COLUMNS = ['total', 'collectives', 'individuals', 'women', 'ethnicMinorities', 'nonLeaders', 'directWorkers', 'forMovement'] as const;

/** All award forms together (the table's last row). */
export function awardTotals(f: Figures): AwardFigure {
  const sum: AwardFigure = { awardForm: '', total: 0, forMovement: 0, collectives: 0, individuals: 0, women: 0, ethnicMinorities: 0, nonLeaders: 0, directWorkers: 0, amount: 0 };
  for (const a of f.awards) for (const k of [...COLUMNS, 'amount'] as const) sum[k] += a[k];
  return sum;
}

/** What the system counted for a subtree and period: registrations, nominations, and awards by form. */
export function FiguresPanel({ figures, names, note }: { figures: Figures; names: Record<string, string>; note: 'figuresLive' | 'figuresFrozen' | 'figuresCompiled' }) {
  const { t } = useTexts(reportsTexts);
  const period = { from: formatDate(figures.period.from), to: formatDate(figures.period.to) };
  const row = (label: string, a: AwardFigure, strong = false) => (
    <Table.Tr key={label}>
      <Table.Th scope="row" fw={strong ? 700 : 400}>{label}</Table.Th>
      {COLUMNS.map((c) => <Table.Td key={c} ta="right" fw={strong ? 700 : undefined}>{a[c]}</Table.Td>)}
      <Table.Td ta="right" fw={strong ? 700 : undefined}>{money(a.amount)}</Table.Td>
    </Table.Tr>
  );
  return (
    <Stack gap="xs" data-testid="report-figures">
      <Text size="sm" c="dimmed">{t(note, period)}</Text>
      <Text size="sm">{t('figures.registrations', figures.registrations)}</Text>
      <Text size="sm">{t('figures.nominations', figures.nominations)}</Text>
      {figures.awards.length === 0 ? <Text size="sm">{t('figures.none')}</Text> : (
        <ScrollTable minWidth={900} label={t('figures.caption')}>
          <Table striped withTableBorder aria-label={t('figures.caption')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('figures.awardForm')}</Table.Th>
                {COLUMNS.map((c) => <Table.Th key={c} scope="col" ta="right">{t(`figures.${c}`)}</Table.Th>)}
                <Table.Th scope="col" ta="right">{t('figures.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {figures.awards.map((a) => row(names[a.awardForm] ?? a.awardForm, a))}
              {row(t('figures.sum'), awardTotals(figures), true)}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}
