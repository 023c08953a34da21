import type { ReactNode } from 'react';
import { Table, Text } from '@mantine/core';
import { formatDate, formatInstant } from '../../app/format.ts';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { formatNumber } from '../eligibility/types.ts';
import { statisticsTexts } from './text.ts';
import type { Figures, Punctuality, StatisticsReport } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';

export const count = (n: number) => formatNumber(n);
export const percent = (fraction: number) => `${formatNumber(Math.round(fraction * 1000) / 10)}%`;

const COLUMNS = ['total', 'individuals', 'collectives', 'nonLeaders', 'directWorkers', 'women', 'ethnicMinorities', 'money'] as const;

export interface FigureRow { key: string; label: ReactNode; figures: Figures }

/** A breakdown: one row per form, level, year or unit, the same columns everywhere, and the total. */
export function FigureTable({ title, head, rows, total, testId }: { title: string; head: string; rows: FigureRow[]; total?: Figures; testId: string }) {
  const { t } = useTexts(statisticsTexts);
  return (
    <ScrollTable minWidth={900} label={title}>
      <Table striped withTableBorder aria-label={title} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{head}</Table.Th>
            {COLUMNS.map((c) => <Table.Th key={c} scope="col" ta="right">{t(`columns.${c}`)}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row" fw={400}>{r.label}</Table.Th>
              {COLUMNS.map((c) => <Table.Td key={c} ta="right">{count(r.figures[c])}</Table.Td>)}
            </Table.Tr>
          ))}
        </Table.Tbody>
        {total && (
          <Table.Tfoot>
            <Table.Tr fw={700}>
              <Table.Th scope="row">{t('sum')}</Table.Th>
              {COLUMNS.map((c) => <Table.Td key={c} ta="right">{count(total[c])}</Table.Td>)}
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </ScrollTable>
  );
}

export function SharesTable({ report }: { report: StatisticsReport }) {
  const { t } = useTexts(statisticsTexts);
  return (
    <ScrollTable minWidth={360} label={t('shares')}>
      <Table striped withTableBorder aria-label={t('shares')} data-testid="statistics-shares">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('share')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('count')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('of')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('fraction')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.shares.map((s) => (
            <Table.Tr key={s.key}>
              <Table.Th scope="row" fw={400}>{t(`shareLabels.${s.key}`)}</Table.Th>
              <Table.Td ta="right">{count(s.count)}</Table.Td>
              <Table.Td ta="right">{count(s.of)}</Table.Td>
              <Table.Td ta="right">{percent(s.fraction)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export function ReturnsTable({ returns }: { returns: StatisticsReport['returns'] }) {
  const { t } = useTexts(statisticsTexts);
  if (returns.total === 0) return <Text c="dimmed">{t('returnsNone')}</Text>;
  return (
    <>
      <Text size="sm">{t('returnsSummary', { total: count(returns.total), batches: count(returns.batches), candidates: count(returns.candidates) })}</Text>
      <ScrollTable minWidth={560} label={t('returns')}>
        <Table striped withTableBorder aria-label={t('returns')} data-testid="statistics-returns">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reason')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('returnsCount')}</Table.Th>
              <Table.Th scope="col">{t('lastAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {returns.reasons.map((r) => (
              <Table.Tr key={r.reason}>
                <Table.Td>{r.reason || t('noReason')}</Table.Td>
                <Table.Td ta="right">{count(r.count)}</Table.Td>
                <Table.Td>{formatInstant(r.lastAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {returns.moreReasons > 0 && <Text size="sm" c="dimmed">{t('moreReasons', { count: returns.moreReasons })}</Text>}
    </>
  );
}

const STATES = ['expected', 'onTime', 'late', 'missing', 'pending'] as const;

function Cells({ p }: { p: Punctuality | null }) {
  return <>{STATES.map((s) => <Table.Td key={s} ta="right">{p ? count(p[s]) : '—'}</Table.Td>)}</>;
}

export function PunctualityTable({ punctuality, unit }: { punctuality: StatisticsReport['punctuality']; unit: string }) {
  const { t } = useTexts(statisticsTexts);
  if (punctuality.movements.length === 0) return <Text c="dimmed">{t('punctualityNone')}</Text>;
  return (
    <>
      <Text size="sm">{t('punctualityIntro', { unit })}</Text>
      <ScrollTable minWidth={1100} label={t('punctuality')}>
        <Table striped withTableBorder aria-label={t('punctuality')} data-testid="statistics-punctuality">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" rowSpan={2}>{t('movement')}</Table.Th>
              <Table.Th scope="colgroup" colSpan={5} ta="center">{t('plans')}</Table.Th>
              <Table.Th scope="colgroup" colSpan={5} ta="center">{t('registrations')}</Table.Th>
            </Table.Tr>
            <Table.Tr>
              {[...STATES, ...STATES].map((s, i) => <Table.Th key={`${s}-${i}`} scope="col" ta="right">{t(s)}</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {punctuality.movements.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Th scope="row" fw={400}>
                  <Text size="sm">{m.name}</Text>
                  <Text size="xs" c="dimmed">
                    {m.issuer}, {formatDate(m.issuedOn)}
                    {m.planDue ? ` · ${t('plans')}: ${t('due', { date: formatDate(m.planDue) })}` : ''}
                    {m.registrationDue ? ` · ${t('registrations')}: ${t('due', { date: formatDate(m.registrationDue) })}` : ''}
                  </Text>
                </Table.Th>
                <Cells p={m.plans} />
                <Cells p={m.registrations} />
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr fw={700}>
              <Table.Th scope="row">{t('sum')}</Table.Th>
              <Cells p={punctuality.plans} />
              <Cells p={punctuality.registrations} />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </ScrollTable>
      {punctuality.moreMovements > 0 && <Text size="sm" c="dimmed">{t('moreMovements', { count: punctuality.moreMovements })}</Text>}
    </>
  );
}
