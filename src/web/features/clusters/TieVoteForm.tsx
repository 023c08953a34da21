import { useState } from 'react';
import { Button, Group, NumberInput, Paper, Stack, Textarea, Title } from '@mantine/core';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { useTieVote } from './api.ts';
import { clustersTexts } from './text.ts';
import type { Sheet, Standing } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';

/** The cluster's vote on one tie: a place for each tied member, and the minutes it was taken in. */
export function TieVoteForm({ sheet, rank, members }: { sheet: Sheet; rank: number; members: Standing[] }) {
  const { t } = useTexts(clustersTexts);
  const vote = useTieVote(sheet.id);
  const [places, setPlaces] = useState<Record<string, number | string>>(() => Object.fromEntries(members.map((m, i) => [m.organisationId, i + 1])));
  const [reason, setReason] = useState('');
  const order = [...members].sort((a, b) => Number(places[a.organisationId]) - Number(places[b.organisationId])).map((m) => m.organisationId);
  return (
    <Paper withBorder p="sm">
      <Stack gap="sm">
        <Title order={3} size="h4">{t('ranking.voteTitle', { rank })}</Title>
        <Group wrap="wrap">
          {members.map((m) => (
            <NumberInput key={m.organisationId} label={t('ranking.votePlace', { name: m.name })} w={260} min={1} max={members.length}
              allowDecimal={false} allowNegative={false} value={places[m.organisationId]}
              onChange={(v) => setPlaces((p) => ({ ...p, [m.organisationId]: v }))} />
          ))}
        </Group>
        <Textarea label={t('ranking.voteReason')} required autosize minRows={1} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <ErrorAlert error={vote.error} />
        <Group><Button loading={vote.isPending} onClick={() => vote.mutate({ order, reason })}>{t('ranking.voteSave')}</Button></Group>
      </Stack>
    </Paper>
  );
}
