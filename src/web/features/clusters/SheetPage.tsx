import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { Facts } from '../../app/Facts.tsx';
import { Loading } from '../../app/Loading.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { rankingXlsxUrl, useSheet } from './api.ts';
import { AdjustmentHistory } from './AdjustmentHistory.tsx';
import { CriteriaEditor } from './CriteriaEditor.tsx';
import { RankingSection } from './RankingSection.tsx';
import { ScoreGrid } from './ScoreGrid.tsx';
import { SelfScorePanel } from './SelfScorePanel.tsx';
import { SheetActions } from './SheetActions.tsx';
import { SheetStatusBadge } from './SheetStatusBadge.tsx';
import { clustersTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';

/** /cum-khoi/$sheetId: one cluster's score sheet for a year — criteria, self-scores, the grid, the ranking, proposals. */
export function SheetPage({ sheetId }: { sheetId: string }) {
  const { t } = useTexts(clustersTexts);
  const query = useSheet(sheetId);
  usePageTitle(query.data?.title ?? t('list.sheet'));
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const sheet = query.data;
  const head = sheet.members.find((m) => m.role === 'head');
  return (
    <Stack>
      <Group justify="space-between" align="start">
        <Title order={1}>{sheet.title}</Title>
        <SheetStatusBadge status={sheet.status} />
      </Group>
      <Paper withBorder p="md">
        <Facts items={[
          { label: t('sheet.organiser'), value: sheet.organiser.name },
          { label: t('sheet.year'), value: String(sheet.year) },
          { label: t('sheet.head'), value: head?.name },
          { label: t('sheet.follower'), value: sheet.follower?.name },
          { label: t('sheet.flagCount'), value: String(sheet.flagCount) },
          { label: t('sheet.bangKhenCount'), value: String(sheet.bangKhenCount) },
        ]} />
        <SheetActions sheet={sheet} />
      </Paper>
      {sheet.status === 'draft' && <CriteriaEditor sheet={sheet} />}
      {sheet.status === 'draft' && !sheet.me.actions.includes('edit_criteria') && sheet.criteria.length === 0 && <Text c="dimmed">{t('criteria.none')}</Text>}
      {sheet.me.actions.includes('self_score') && <SelfScorePanel sheet={sheet} />}
      {sheet.status !== 'draft' && (
        <>
          <ScoreGrid sheet={sheet} />
          <RankingSection sheet={sheet} />
          <AdjustmentHistory sheet={sheet} />
          <Anchor href={rankingXlsxUrl(sheet.id)} download>{t('sheet.download')}</Anchor>
        </>
      )}
    </Stack>
  );
}
