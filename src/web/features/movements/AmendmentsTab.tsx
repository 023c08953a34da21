import { Table } from '@mantine/core';
import { formatInstant } from '../../app/format.ts';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import type { MovementDetail } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

export function AmendmentsTab({ amendments }: { amendments: MovementDetail['amendments'] }) {
  const { t } = useTexts(appTexts);
  return (
    <ScrollTable minWidth={600} label={t('movements.amendments.caption')}>
      <Table striped aria-label={t('movements.amendments.caption')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('movements.amendments.sequence')}</Table.Th>
            <Table.Th scope="col">{t('movements.amendments.amendedAt')}</Table.Th>
            <Table.Th scope="col">{t('movements.amendments.reason')}</Table.Th>
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
