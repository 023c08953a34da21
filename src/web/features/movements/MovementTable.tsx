import { Table } from '@mantine/core';
import { formatDate } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { StackedList } from '../../app/StackedList.tsx';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { MovementStatusBadge, numberAndSymbol } from './MovementStatusBadge.tsx';
import type { MovementSummary } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

export function MovementTable({ items }: { items: MovementSummary[] }) {
  const { t } = useTexts(appTexts);
  const phone = useIsPhone();
  const period = (m: MovementSummary) => t('movements.periodRange', { from: formatDate(m.periodStart), to: formatDate(m.periodEnd) });
  const link = (m: MovementSummary) => (
    <AnchorLink to="/phong-trao/$id" params={{ id: m.id }} search={{}}>
      {m.name}
    </AnchorLink>
  );
  if (phone) {
    return (
      <StackedList
        label={t('movements.caption')}
        empty={t('movements.empty')}
        testId="movement-table"
        items={items.map((m) => ({
          key: m.id,
          title: link(m),
          lines: [
            { label: t('movements.number'), value: numberAndSymbol(m) },
            { label: t('movements.organisation'), value: m.organisation.name },
            { label: t('movements.period'), value: period(m) },
            { label: t('movements.status'), value: <MovementStatusBadge status={m.status} /> },
          ],
        }))}
      />
    );
  }
  return (
    <ScrollTable minWidth={800} label={t('movements.caption')}>
      <Table striped highlightOnHover aria-label={t('movements.caption')} data-testid="movement-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('movements.number')}</Table.Th>
            <Table.Th scope="col">{t('movements.name')}</Table.Th>
            <Table.Th scope="col" miw={180}>{t('movements.organisation')}</Table.Th>
            <Table.Th scope="col">{t('movements.period')}</Table.Th>
            <Table.Th scope="col">{t('movements.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5}>{t('movements.empty')}</Table.Td>
            </Table.Tr>
          )}
          {items.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{numberAndSymbol(m)}</Table.Td>
              <Table.Td>{link(m)}</Table.Td>
              <Table.Td>{m.organisation.name}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{period(m)}</Table.Td>
              <Table.Td>
                <MovementStatusBadge status={m.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
