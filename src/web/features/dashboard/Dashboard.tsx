import { Grid, Stack } from '@mantine/core';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { Loading } from '../../app/Loading.tsx';
import { useDashboard } from './api.ts';
import { DueBlock } from './DueBlock.tsx';
import { AwardsBlock, PunctualityBlock } from './SubtreeBlocks.tsx';
import { WaitingBlock } from './WaitingBlock.tsx';

/** The signed-in officer's dashboard: what is due from my units, what waits for me, my subtree's punctuality and awards. */
export function Dashboard() {
  const query = useDashboard();
  if (query.isPending) return <Loading />;
  if (query.error || !query.data) return <ErrorAlert error={query.error} />;
  const data = query.data;
  return (
    <Stack gap="md" data-testid="dashboard">
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}><DueBlock data={data} /></Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}><WaitingBlock data={data} /></Grid.Col>
      </Grid>
      <PunctualityBlock data={data} />
      <AwardsBlock data={data} />
    </Stack>
  );
}
