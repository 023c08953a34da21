import { useState } from 'react';
import { Box, Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatInstant } from '../../app/format.ts';
import { EXAMPLE_STAGES, useChangeStage, type ExampleDetail } from './api.ts';
import { examplesTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';

/**
 * The four steps (discover → nurture → summarise → replicate) with the current one marked, the moves the
 * server's table allows from it (a step back needs a reason), and the history of moves.
 */
export function StagePanel({ example }: { example: ExampleDetail }) {
  const { t } = useTexts(examplesTexts);
  const change = useChangeStage(example.id);
  const [note, setNote] = useState('');
  const current = EXAMPLE_STAGES.indexOf(example.stage);
  const backNeeded = example.nextStages.some((n) => n.noteRequired);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="example-stages">
      <Stack gap="sm">
        <Title order={2} size="h3" id="example-stages">{t('detail.stageHeading')}</Title>
        <Text size="sm" c="dimmed">{t('detail.stageIntro')}</Text>
        <Box component="ol" m={0} p={0} style={{ listStyle: 'none', display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(8rem, 1fr))', gap: 8 }}
          data-testid="example-steps">
          {EXAMPLE_STAGES.map((s, i) => (
            <Box component="li" key={s} aria-current={i === current ? 'step' : undefined} p="xs"
              style={{
                borderRadius: 6, textAlign: 'center', fontWeight: i === current ? 700 : 400,
                border: `2px solid var(--mantine-color-${i <= current ? 'blue-7' : 'gray-4'})`,
                background: i === current ? 'var(--mantine-color-blue-0)' : undefined,
              }}>
              {i + 1}. {t(`stages.${s}`)}
            </Box>
          ))}
        </Box>
        {example.canWrite && example.nextStages.length > 0 && (
          <Stack gap="xs">
            <Textarea label={backNeeded ? `${t('detail.note')} (${t('detail.noteRequired')})` : t('detail.note')} autosize minRows={2} maxLength={2000}
              value={note} onChange={(e) => setNote(e.currentTarget.value)} data-testid="stage-note" />
            <Group gap="sm">
              {example.nextStages.map((n) => (
                <Button key={n.stage} variant={n.noteRequired ? 'default' : 'filled'} loading={change.isPending && change.variables?.stage === n.stage}
                  disabled={n.noteRequired && note.trim() === ''} data-testid={`stage-${n.stage}`}
                  onClick={() => change.mutate({ stage: n.stage, ...(note.trim() && { note: note.trim() }) }, { onSuccess: () => setNote('') })}>
                  {t(n.noteRequired ? 'detail.moveBack' : 'detail.moveTo', { stage: t(`stages.${n.stage}`) })}
                </Button>
              ))}
            </Group>
            <ErrorAlert error={change.error} />
          </Stack>
        )}
        <Title order={3} size="h4">{t('detail.historyHeading')}</Title>
        <List size="sm" spacing={4} data-testid="stage-history">
          {example.history.map((h, i) => (
            <List.Item key={i}>
              {t('detail.historyEntry', { stage: h.from ? t(`stages.${h.to}`) : `${t('detail.created')}: ${t(`stages.${h.to}`)}`,
                date: formatInstant(h.at), actor: h.actorName ?? '—' })}
              {h.note && <Text span size="sm" c="dimmed"> — {h.note}</Text>}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  );
}
