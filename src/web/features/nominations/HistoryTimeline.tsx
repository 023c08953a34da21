import { Paper, Text, Timeline, Title } from '@mantine/core';
import { formatInstant } from '../../app/format.ts';
import { viNominations } from './messages.ts';
import { nominationsTexts } from './text.ts';
import type { BatchDetail } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { documentReason } from '../audit/labels.ts';

const KNOWN = new Set(Object.keys(viNominations.history.actions));

/** The batch's history, oldest first: when (Vietnam time), who, which step in words, and why. */
export function HistoryTimeline({ detail }: { detail: BatchDetail }) {
  const { t, strings } = useTexts(nominationsTexts);
  const names = new Map(detail.candidates.map((c) => [c.id, c.name]));
  const entries = detail.history; // oldest first, as the server orders them
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="batch-history">
      <Title order={2} size="h3" id="batch-history" mb="sm">
        {t('history.heading')}
      </Title>
      {entries.length === 0 ? (
        <Text c="dimmed">{t('history.empty')}</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={entries.length - 1} data-testid="batch-history">
          {entries.map((e) => (
            <Timeline.Item
              key={e.id}
              title={KNOWN.has(e.action) ? t(`history.actions.${e.action as keyof typeof viNominations.history.actions}`) : e.action}
            >
              <Text size="xs" c="dimmed">
                <time dateTime={e.at}>{formatInstant(e.at)}</time>
                {e.actorName ? ` · ${t('history.by', { name: e.actorName })}` : ''}
              </Text>
              {e.candidateId && names.has(e.candidateId) && <Text size="sm">{t('history.candidate', { name: names.get(e.candidateId) })}</Text>}
              {e.reason && <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{documentReason(e.reason, strings.dossier.kinds)}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
