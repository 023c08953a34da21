import { Badge, Group, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import type { CandidateView } from './api.ts';
import { councilTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';

/** The compiled list / agenda, grouped by award form: candidate, nominating unit, criteria, flags, and extra columns. */
export function AgendaTable<T extends CandidateView>({ items, extra }: {
  items: T[];
  extra?: { header: string; cell: (item: T) => ReactNode }[];
}) {
  const { t } = useTexts(councilTexts);
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.awardFormName, [...(groups.get(item.awardFormName) ?? []), item]);
  return (
    <>
      {[...groups].map(([form, list]) => (
        <ScrollTable key={form} minWidth={700} label={form}>
          <Table striped withTableBorder>
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 700 }}>{form} ({list.length})</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('column.candidate')}</Table.Th>
                <Table.Th>{t('column.unit')}</Table.Th>
                <Table.Th>{t('column.flags')}</Table.Th>
                {extra?.map((c) => <Table.Th key={c.header}>{c.header}</Table.Th>)}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((item) => (
                <Table.Tr key={item.candidateId}>
                  <Table.Td>
                    <Text fw={600}>{item.name}</Text>
                    {item.position && <Text size="sm" c="dimmed">{item.position}{item.unit ? `, ${item.unit}` : ''}</Text>}
                  </Table.Td>
                  <Table.Td>{item.nominatingUnit}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {item.isLeader && <Badge variant="light">{t('flag.leader')}</Badge>}
                      {item.eligibility !== null && item.eligibility !== 'met' && <Badge color="orange" variant="light">{t('flag.eligibilityNotMet')}</Badge>}
                    </Group>
                  </Table.Td>
                  {extra?.map((c) => <Table.Td key={c.header}>{c.cell(item)}</Table.Td>)}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ))}
    </>
  );
}
