import { Table } from '@mantine/core';
import { formatInstant } from '../../app/format.ts';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import type { MovementDetail } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { movementsTexts } from './text.ts';

export function AmendmentsTab({ amendments }: { amendments: MovementDetail['amendments'] }) {
  const mv = useTexts(movementsTexts);
  return (
    <ScrollTable minWidth={600} label={mv.t('amendments.caption')}>
      <Table striped aria-label={mv.t('amendments.caption')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{mv.t('amendments.sequence')}</Table.Th>
            <Table.Th scope="col">{mv.t('amendments.amendedAt')}</Table.Th>
            <Table.Th scope="col">{mv.t('amendments.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {amendments.map((a) => (
            <Table.Tr key={a.sequence}>
              <Table.Td>{a.sequence}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(a.amendedAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-line' }}>{a.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
