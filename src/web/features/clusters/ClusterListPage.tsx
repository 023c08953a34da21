import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { AppSelect } from '../../app/AppSelect.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { Facts } from '../../app/Facts.tsx';
import { currentYear, reviewYear } from '../../app/format.ts';
import { ButtonLink } from '../../app/links.tsx';
import { useAuth } from '../../app/auth.tsx';
import { clusterSetupTexts } from './setup-text.ts';
import { Loading } from '../../app/Loading.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useCreateSheet, useMyClusters } from './api.ts';
import { SheetStatusBadge } from './SheetStatusBadge.tsx';
import { clustersTexts } from './text.ts';
import type { ClusterItem } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';

const route = getRouteApi('/_app/cum-khoi');

export interface ClustersSearch { year?: number }

/** /cum-khoi: the clusters and blocks I organise, belong to or follow in a year, with their score sheets. */
export function ClusterListPage() {
  const { t } = useTexts(clustersTexts);
  const { t: st } = useTexts(clusterSetupTexts);
  const { hasRole } = useAuth();
  usePageTitle(t('list.title'));
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const year = search.year ?? reviewYear();
  const clusters = useMyClusters(year);
  const years = Array.from({ length: 6 }, (_, i) => currentYear() - i);

  return (
    <Stack>
      <Title order={1}>{t('list.title')}</Title>
      {hasRole('system_admin', 'standing_officer') && (
        <Group><ButtonLink to="/cum-khoi/thiet-lap" variant="light" data-testid="to-cluster-setup">{st('title')}</ButtonLink></Group>
      )}
      <AppSelect label={t('list.year')} w={160} allowDeselect={false} value={String(year)}
        data={years.map((y) => ({ value: String(y), label: String(y) }))}
        onChange={(v) => void navigate({ search: { year: v ? Number(v) : undefined }, replace: true })} />
      <ErrorAlert error={clusters.error} />
      {clusters.isPending && <Loading />}
      {clusters.data && clusters.data.length === 0 && <Text c="dimmed">{t('list.empty', { year })}</Text>}
      {clusters.data && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {clusters.data.map((c) => <ClusterCard key={c.id} cluster={c} year={year} />)}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function ClusterCard({ cluster: c, year }: { cluster: ClusterItem; year: number }) {
  const { t } = useTexts(clustersTexts);
  const create = useCreateSheet();
  const navigate = useNavigate();
  const start = async () => {
    const { id } = await create.mutateAsync({ clusterId: c.id, year });
    await navigate({ to: '/cum-khoi/$sheetId', params: { sheetId: id } });
  };
  return (
    <Card withBorder component="article" aria-labelledby={`cluster-${c.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="start">
          <Title order={2} size="h4" id={`cluster-${c.id}`}>{c.name}</Title>
          <Badge variant="light" color="gray">{t(`kinds.${c.kind}`)}</Badge>
        </Group>
        <Facts items={[
          { label: t('list.organiser'), value: c.organiser.name },
          { label: t('list.myPart'), value: c.parts.map((p) => t(`parts.${p}`)).join(', ') },
          { label: t('list.members'), value: c.members.map((m) => (m.role === 'member' ? m.name : `${m.name} (${t(`roles.${m.role}`)})`)).join('; ') },
          { label: t('list.follower'), value: c.follower?.name },
          { label: t('list.sheet'), value: c.sheet ? <SheetStatusBadge status={c.sheet.status} /> : t('list.noSheet') },
        ]} />
        <ErrorAlert error={create.error} />
        <Group>
          {c.sheet && <ButtonLink to="/cum-khoi/$sheetId" params={{ sheetId: c.sheet.id }} variant="light">{t('list.openSheet')}</ButtonLink>}
          {!c.sheet && c.parts.includes('organiser') && (
            <Button onClick={() => void start().catch(() => undefined)} loading={create.isPending}>{t('list.createSheet', { year })}</Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
