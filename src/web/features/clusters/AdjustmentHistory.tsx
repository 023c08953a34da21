import { List, Stack, Text, Title } from '@mantine/core';
import { formatInstant } from '../../app/format.ts';
import { formatPoints, clustersTexts } from './text.ts';
import type { Sheet } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';

/** Every adjustment: who, when, which member and row, from, to, why. */
export function AdjustmentHistory({ sheet }: { sheet: Sheet }) {
  const { t, lang } = useTexts(clustersTexts);
  const name = (id: string) => sheet.members.find((m) => m.organisationId === id)?.name ?? '';
  const criterion = (id: string) => sheet.criteria.find((c) => c.id === id)?.title ?? '';
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">{t('history.title')}</Title>
      {sheet.adjustments.length === 0 && <Text c="dimmed">{t('history.empty')}</Text>}
      <List size="sm" spacing="xs">
        {sheet.adjustments.map((a) => (
          <List.Item key={a.id}>
            {t('history.line', {
              at: formatInstant(a.at), by: a.by, capacity: t(`history.capacity.${a.capacity}`), member: name(a.organisationId),
              criterion: criterion(a.criterionId), from: formatPoints(a.from, lang), to: formatPoints(a.to, lang), reason: a.reason,
            })}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
