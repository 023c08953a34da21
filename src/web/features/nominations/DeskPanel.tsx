import { useState } from 'react';
import { Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatInstant } from '../../app/format.ts';
import { useDeskStep, useSpecialists } from './api.ts';
import { nominationsTexts } from './text.ts';
import type { BatchDetail } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';

/**
 * The standing agency's desk on a received batch (issue 17.6): the specialist handling it, who assigns it, and the
 * head's review of the appraised list before it goes to the council or the decision. Shown to whoever sees it at all:
 * the unit learns who handles its batch.
 */
export function DeskPanel({ detail }: { detail: BatchDetail }) {
  const { t } = useTexts(nominationsTexts);
  const { batch } = detail;
  const { desk } = batch;
  const specialists = useSpecialists(batch.id, desk.canAssign);
  const step = useDeskStep(batch.id);
  const [chosen, setChosen] = useState<string | null>(null);
  const atDesk = ['submitted', 'under_appraisal', 'accepted', 'decided'].includes(batch.status);
  if (!atDesk || (!desk.assignee && !desk.canAssign && !desk.listReviewedAt && !desk.canReviewList)) return null;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="batch-desk" data-testid="desk-panel">
      <Stack gap="sm">
        <Title order={2} size="h3" id="batch-desk">{t('desk.heading')}</Title>
        <Text size="sm" data-testid="desk-assignee">
          {desk.assignee ? t('desk.assignee', { name: desk.assignee.name }) : t('desk.unassigned')}
        </Text>
        {desk.canAssign && (
          <Group gap="xs" align="end" wrap="wrap">
            <Select label={t('desk.assignTo')} data={(specialists.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
              value={chosen} onChange={setChosen} w={280} maw="100%" searchable data-testid="desk-assign-select" nothingFoundMessage={t('desk.noSpecialists')} />
            <Button disabled={!chosen} loading={step.isPending && step.variables?.path === 'assign'}
              onClick={() => chosen && step.mutate({ path: 'assign', userId: chosen, version: batch.version })}>
              {desk.assignee ? t('desk.reassign') : t('desk.assign')}
            </Button>
          </Group>
        )}
        {desk.listReviewedAt
          ? <Text size="sm" data-testid="desk-reviewed">{t('desk.reviewed', { name: desk.listReviewedBy?.name ?? '', at: formatInstant(desk.listReviewedAt) })}</Text>
          : batch.status === 'accepted' && <Text size="sm" fw={600}>{t('desk.notReviewed')}</Text>}
        {desk.canReviewList && (
          <Group>
            <Button color="teal" loading={step.isPending && step.variables?.path === 'review-list'}
              onClick={() => step.mutate({ path: 'review-list', version: batch.version })}>
              {t('desk.review')}
            </Button>
          </Group>
        )}
        <ErrorAlert error={step.error ?? specialists.error} />
      </Stack>
    </Paper>
  );
}
