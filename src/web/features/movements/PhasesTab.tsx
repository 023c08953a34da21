import { List, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format.ts';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import type { Phase } from './types.ts';

export function PhasesTab({ phases }: { phases: Phase[] }) {
  const { t } = useTranslation();
  if (phases.length === 0) return <Text>{t('movements.phases.empty')}</Text>;
  const dueFrom = (v: string) => (v === 'subordinates' || v === 'issuer' ? t(`movements.phases.dueFromValues.${v}`) : v);
  return (
    <ScrollTable minWidth={760} label={t('movements.phases.caption')}>
      <Table striped aria-label={t('movements.phases.caption')} data-testid="movement-phases">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('movements.phases.title')}</Table.Th>
            <Table.Th scope="col">{t('movements.phases.from')}</Table.Th>
            <Table.Th scope="col">{t('movements.phases.due')}</Table.Th>
            <Table.Th scope="col">{t('movements.phases.dueFrom')}</Table.Th>
            <Table.Th scope="col">{t('movements.phases.outline')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {phases.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{p.title}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(p.startsOn)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(p.dueOn)}</Table.Td>
              <Table.Td>{dueFrom(p.dueFrom)}</Table.Td>
              <Table.Td>
                {p.outline && p.outline.length > 0 && (
                  <List size="sm" type="ordered">
                    {p.outline.map((section, i) => (
                      <List.Item key={i}>
                        {section.title}
                        {section.points.length > 0 && (
                          <List size="sm" withPadding>
                            {section.points.map((point, j) => (
                              <List.Item key={j}>{point}</List.Item>
                            ))}
                          </List>
                        )}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
