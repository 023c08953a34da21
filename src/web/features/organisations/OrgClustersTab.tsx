import { useState } from 'react';
import { Badge, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { currentYear } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { Loading } from '../../app/Loading.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { useOrgClusters } from './api.ts';
import type { Cluster } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

function ClusterCard({ cluster }: { cluster: Cluster }) {
  const { t } = useTexts(appTexts);
  return (
    <Card withBorder padding="md">
      <Group gap="xs" mb="xs">
        <Badge variant="light">{t(`org.clusters.kinds.${cluster.kind}`)}</Badge>
        <Title order={2} size="h4">
          {cluster.name}
        </Title>
      </Group>
      <Text size="sm">{t('org.clusters.ownRole', { role: t(`org.clusters.roles.${cluster.kind}.${cluster.role}`) })}</Text>
      <Text size="sm" mb="sm">
        {cluster.follower ? (
          <>
            {t('org.clusters.follower')}{' '}
            <AnchorLink to="/ca-nhan/$id" params={{ id: cluster.follower.personId }}>
              {cluster.follower.fullName}
            </AnchorLink>
          </>
        ) : (
          t('org.clusters.noFollower')
        )}
      </Text>
      <ScrollTable minWidth={320} label={t('org.clusters.membersCaption', { name: cluster.name })}>
        <Table aria-label={t('org.clusters.membersCaption', { name: cluster.name })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('org.clusters.unit')}</Table.Th>
              <Table.Th scope="col">{t('org.clusters.role')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cluster.members.map((m) => (
              <Table.Tr key={m.organisationId}>
                <Table.Td>
                  <AnchorLink to="/to-chuc/$id" params={{ id: m.organisationId }}>
                    {m.name}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>{t(`org.clusters.roles.${cluster.kind}.${m.role}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Card>
  );
}

export function OrgClustersTab({ id }: { id: string }) {
  const { t } = useTexts(appTexts);
  const [yearText, setYearText] = useState(String(currentYear()));
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : currentYear();
  const query = useOrgClusters(id, year);

  return (
    <Stack>
      <TextInput
        type="number"
        label={t('org.clusters.year')}
        value={yearText}
        min={2000}
        max={2100}
        onChange={(e) => setYearText(e.currentTarget.value)}
        maw={160}
      />
      {query.isPending && <Loading />}
      <ErrorAlert error={query.error} />
      {query.isSuccess && query.data.length === 0 && <Text>{t('org.clusters.none')}</Text>}
      {query.data?.map((c) => <ClusterCard key={c.id} cluster={c} />)}
    </Stack>
  );
}
