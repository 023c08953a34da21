import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { nominationsTexts } from './text.ts';
import type { BatchDetail } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';

const FIELDS = ['individuals', 'collectives', 'total'] as const;

/**
 * The movement's quotas as used by this unit (with the other batches sharing them): "đã dùng / tối đa"
 * per field, marked in words when over; and how many of the individuals hold no leading post.
 */
export function QuotaPanel({ detail }: { detail: BatchDetail }) {
  const { t } = useTexts(nominationsTexts);
  const { quotas, overQuota, nonLeaders } = detail;
  const isOver = (quotaId: string, field: (typeof FIELDS)[number]) => overQuota.some((o) => o.quotaId === quotaId && o.field === field);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="batch-quotas">
      <Stack gap="sm">
        <Title order={2} size="h3" id="batch-quotas">
          {t('quotas.heading')}
        </Title>
        {quotas.length === 0 ? (
          <Text c="dimmed">{t('quotas.none')}</Text>
        ) : (
          <ScrollTable minWidth={560} label={t('quotas.heading')}>
          <Table withTableBorder aria-labelledby="batch-quotas" data-testid="quota-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('quotas.label')}</Table.Th>
                {FIELDS.map((f) => (
                  <Table.Th key={f} w={150} style={{ whiteSpace: 'nowrap' }}>
                    {t(`quotas.${f}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {quotas.map((q) => (
                <Table.Tr key={q.id}>
                  <Table.Td>{q.label}</Table.Td>
                  {FIELDS.map((f) => {
                    const over = isOver(q.id, f);
                    return (
                      <Table.Td key={f} style={{ whiteSpace: 'nowrap' }} data-testid={`quota-${f}`} data-over={over || undefined}>
                        {q[f] === null ? (
                          <Text span c="dimmed">{q.used[f]} / –</Text>
                        ) : (
                          <Group gap={6} wrap="nowrap">
                            <Text span fw={over ? 700 : undefined} c={over ? 'red.8' : undefined}>
                              {t('quotas.usedOfMax', { used: q.used[f], max: q[f] })}
                            </Text>
                            {over && <Badge color="red" variant="light">{t('quotas.over')}</Badge>}
                          </Group>
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          </ScrollTable>
        )}
        {nonLeaders.people > 0 && (
          <Text size="sm" data-testid="non-leader-share">
            {t('quotas.nonLeaders', nonLeaders)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
