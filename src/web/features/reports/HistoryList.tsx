import { Badge, Text, Timeline } from '@mantine/core';
import { formatInstant } from '../../app/format.ts';
import { reportsTexts } from './text.ts';
import type { ReportView } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';

/** Each submission, return (with its reason) and resubmission, oldest first, in Việt Nam time. */
export function HistoryList({ history }: { history: ReportView['history'] }) {
  const { t } = useTexts(reportsTexts);
  if (history.length === 0) return <Text c="dimmed">{t('historyEmpty')}</Text>;
  return (
    <Timeline bulletSize={14} lineWidth={2} active={history.length - 1} data-testid="report-history">
      {history.map((e, i) => (
        <Timeline.Item key={`${e.at}:${i}`} title={t(`events.${e.event}`)}>
          <Text size="xs" c="dimmed">
            <time dateTime={e.at}>{formatInstant(e.at)}</time>
            {e.actorName ? ` · ${t('by', { name: e.actorName })}` : ''}
            {e.late && <Badge ml="xs" size="xs" color="orange" variant="light">{t('lateBadge')}</Badge>}
          </Text>
          {e.reason && <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{e.reason}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
