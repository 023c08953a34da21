import { Group, Stack, Table, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { AppSelect } from '../../app/AppSelect.tsx';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { Loading } from '../../app/Loading.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useBatches } from './api.ts';
import { CreateBatchButton } from './CreateBatchButton.tsx';
import { BatchStatusBadge } from './StatusBadge.tsx';
import { nominationsTexts } from './text.ts';
import { BATCH_STATUSES, NOMINATION_READERS, NOMINATION_WRITERS, type BatchStatus, type BatchSummary } from './types.ts';
import { PageHelp } from '../../app/PageHelp.tsx';
import { useTexts } from '../../i18n/texts.ts';

const route = getRouteApi('/_app/de-nghi');

export interface BatchesSearch { status?: BatchStatus }

/** /de-nghi: the batches of my units and those my level receives, newest first, by status. */
export function BatchListPage() {
  return (
    <RequireRole roles={[...NOMINATION_READERS]}>
      <BatchList />
    </RequireRole>
  );
}

function BatchList() {
  const { t } = useTexts(nominationsTexts);
  usePageTitle(t('list.title'));
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { hasRole } = useAuth();
  const query = useBatches(search.status);

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('list.title')}</Title>
        {hasRole(...NOMINATION_WRITERS) && <CreateBatchButton />}
      </Group>
      <PageHelp>{t('list.help')}</PageHelp>
      <Group>
        <AppSelect
          label={t('list.status')}
          w={260}
          clearable
          placeholder={t('list.allStatuses')}
          value={search.status ?? null}
          data={BATCH_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          onChange={(v) => void navigate({ search: { status: (v as BatchStatus | null) ?? undefined }, replace: true })}
          data-testid="batch-filter-status"
        />
      </Group>
      <ErrorAlert error={query.error} />
      {query.isPending && <Loading />}
      {query.data && <BatchTable items={query.data} />}
    </Stack>
  );
}

function BatchTable({ items }: { items: BatchSummary[] }) {
  const { t } = useTexts(nominationsTexts);
  if (items.length === 0) return <Text c="dimmed">{t('list.empty')}</Text>;
  return (
    <ScrollTable minWidth={900} label={t('list.tableLabel')}>
      <Table striped highlightOnHover aria-label={t('list.tableLabel')} data-testid="batch-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('list.columns.title')}</Table.Th>
            <Table.Th>{t('list.columns.unit')}</Table.Th>
            <Table.Th>{t('list.columns.receiving')}</Table.Th>
            <Table.Th>{t('list.columns.awardForm')}</Table.Th>
            <Table.Th>{t('list.columns.year')}</Table.Th>
            <Table.Th ta="right">{t('list.columns.candidates')}</Table.Th>
            <Table.Th>{t('list.columns.receipt')}</Table.Th>
            <Table.Th>{t('list.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((b) => (
            <Table.Tr key={b.id} data-testid={`batch-row-${b.id}`}>
              <Table.Td>
                <AnchorLink to="/de-nghi/$batchId" params={{ batchId: b.id }}>
                  {b.title}
                </AnchorLink>
              </Table.Td>
              <Table.Td>{b.organisation.name}</Table.Td>
              <Table.Td>{b.receiving.name}</Table.Td>
              <Table.Td>{b.awardFormName}</Table.Td>
              <Table.Td>{b.year}</Table.Td>
              <Table.Td ta="right">{b.candidateCount}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{b.receiptNumber ?? ''}</Table.Td>
              <Table.Td>
                <BatchStatusBadge status={b.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
