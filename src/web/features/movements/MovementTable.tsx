import { Table } from '@mantine/core';
import { formatDate } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { StackedList } from '../../app/StackedList.tsx';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { MovementStatusBadge, numberAndSymbol } from './MovementStatusBadge.tsx';
import type { MovementSummary } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { movementsTexts } from './text.ts';

export function MovementTable({ items }: { items: MovementSummary[] }) {
  const mv = useTexts(movementsTexts);
  const phone = useIsPhone();
  const period = (m: MovementSummary) => mv.t('periodRange', { from: formatDate(m.periodStart), to: formatDate(m.periodEnd) });
  const link = (m: MovementSummary) => (
    <AnchorLink to="/phong-trao/$id" params={{ id: m.id }} search={{}}>
      {m.name}
    </AnchorLink>
  );
  if (phone) {
    return (
      <StackedList
        label={mv.t('caption')}
        empty={mv.t('empty')}
        testId="movement-table"
        items={items.map((m) => ({
          key: m.id,
          title: link(m),
          lines: [
            { label: mv.t('number'), value: numberAndSymbol(m) },
            { label: mv.t('organisation'), value: m.organisation.name },
            { label: mv.t('period'), value: period(m) },
            { label: mv.t('status'), value: <MovementStatusBadge status={m.status} /> },
          ],
        }))}
      />
    );
  }
  return (
    <ScrollTable minWidth={800} label={mv.t('caption')}>
      <Table striped highlightOnHover aria-label={mv.t('caption')} data-testid="movement-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{mv.t('number')}</Table.Th>
            <Table.Th scope="col">{mv.t('name')}</Table.Th>
            <Table.Th scope="col" miw={180}>{mv.t('organisation')}</Table.Th>
            <Table.Th scope="col">{mv.t('period')}</Table.Th>
            <Table.Th scope="col">{mv.t('status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5}>{mv.t('empty')}</Table.Td>
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
