import { Alert, Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { ConfirmButton } from '../../app/ConfirmButton.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { StackedList } from '../../app/StackedList.tsx';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { usePropose } from './api.ts';
import { TieVoteForm } from './TieVoteForm.tsx';
import { formatPoints, clustersTexts } from './text.ts';
import type { Sheet, Standing } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';

/** The ranking with its stated tie-break, the vote on a tie, and the proposal (linking to the batches made). */
export function RankingSection({ sheet }: { sheet: Sheet }) {
  const { t, lang } = useTexts(clustersTexts);
  const phone = useIsPhone();
  const propose = usePropose(sheet.id);
  const p = (v: number) => formatPoints(v, lang);
  // why the member is below the one above it, and what it would be proposed for
  const rest = (s: Standing) => [
    !s.tied && s.separatedBy ? t(`ranking.separatedBy.${s.separatedBy}`) : '', s.proposedFor ? t(`ranking.proposedFor.${s.proposedFor}`) : '',
  ].filter(Boolean).join(' · ');
  const note = (s: Standing) => [s.tied ? t('ranking.tied') : '', rest(s)].filter(Boolean).join(' · ');
  const tiedRanks = [...new Set(sheet.ranking.filter((s) => s.tied).map((s) => s.rank))];
  return (
    <Stack>
      <Title order={2} size="h3">{t('ranking.title')}</Title>
      <Paper withBorder p="sm">
        <Text fw={600} size="sm">{t('ranking.ruleTitle')}</Text>
        <List type="ordered" size="sm" data-testid="tie-rule">
          {sheet.tieRule.map((level) => <List.Item key={level}>{t(`ranking.rule.${level}`)}</List.Item>)}
        </List>
      </Paper>
      {sheet.cutoffTie.length > 0 && sheet.status !== 'proposed' && (
        <Alert color="orange" role="status">{t('ranking.cutoffTie', { names: sheet.cutoffTie.join(', ') })}</Alert>
      )}
      {phone ? (
        <StackedList label={t('ranking.title')} empty={t('ranking.empty')} items={sheet.ranking.map((s) => ({
          key: s.organisationId, title: `${s.rank}. ${s.name}`,
          lines: [
            { label: t('ranking.columns.total'), value: p(s.total) },
            { label: t('ranking.columns.criteria'), value: p(s.criteria) },
            { label: t('ranking.columns.bonus'), value: p(s.bonus) },
            { label: t('ranking.columns.penalty'), value: p(s.penalty) },
            { label: t('ranking.columns.fullMarks'), value: String(s.fullMarks) },
            { label: t('ranking.columns.note'), value: note(s) },
          ],
        }))} />
      ) : (
        <ScrollTable minWidth={760} label={t('ranking.title')}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                {(['rank', 'member', 'criteria', 'bonus', 'penalty', 'total', 'fullMarks', 'note'] as const).map((c) => (
                  <Table.Th key={c} ta={c === 'member' || c === 'note' ? undefined : 'right'}>{t(`ranking.columns.${c}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sheet.ranking.map((s) => (
                <Table.Tr key={s.organisationId}>
                  <Table.Td ta="right" fw={700}>{s.rank}</Table.Td>
                  <Table.Td>{s.name}</Table.Td>
                  <Table.Td ta="right">{p(s.criteria)}</Table.Td>
                  <Table.Td ta="right">{p(s.bonus)}</Table.Td>
                  <Table.Td ta="right">{p(s.penalty)}</Table.Td>
                  <Table.Td ta="right" fw={700}>{p(s.total)}</Table.Td>
                  <Table.Td ta="right">{s.fullMarks}</Table.Td>
                  <Table.Td>
                    {s.tied && <Badge color="orange" variant="light" mr="xs">{t('ranking.tied')}</Badge>}
                    {rest(s)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {sheet.me.actions.includes('resolve_tie') && tiedRanks.map((rank) => (
        <TieVoteForm key={rank} sheet={sheet} rank={rank} members={sheet.ranking.filter((s) => s.tied && s.rank === rank)} />
      ))}
      {sheet.me.actions.includes('propose') && (
        <Group>
          <ConfirmButton question={t('sheet.questions.propose')} confirmLabel={t('sheet.actions.propose')} onConfirm={() => propose.mutateAsync()}>
            {t('sheet.actions.propose')}
          </ConfirmButton>
        </Group>
      )}
      {(sheet.flagBatchId || sheet.bangKhenBatchId) && (
        <Alert color="green" title={t('ranking.proposed')}>
          <Group>
            {sheet.flagBatchId && <AnchorLink to="/de-nghi/$batchId" params={{ batchId: sheet.flagBatchId }}>{t('ranking.flagBatch')}</AnchorLink>}
            {sheet.bangKhenBatchId && <AnchorLink to="/de-nghi/$batchId" params={{ batchId: sheet.bangKhenBatchId }}>{t('ranking.bangKhenBatch')}</AnchorLink>}
          </Group>
        </Alert>
      )}
    </Stack>
  );
}
