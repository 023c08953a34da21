import { Alert, Badge, Stack, Table, Title } from '@mantine/core';
import { AnchorLink } from '../../app/links.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { Loading } from '../../app/Loading.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { formatDate } from '../../app/format.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useConsultations, type ConsultationState } from './api.ts';
import { consultationTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';

export const STATE_COLOR: Record<ConsultationState, string> = { scheduled: 'gray', open: 'blue', ended: 'orange', closed: 'green' };

function ConsultationList() {
  const { t } = useTexts(consultationTexts);
  usePageTitle(t('staff.heading'));
  const query = useConsultations();
  return (
    <Stack>
      <Title order={1}>{t('staff.heading')}</Title>
      {query.isPending && <Loading />}
      <ErrorAlert error={query.error} />
      {query.data?.items.length === 0 && <Alert variant="light">{t('staff.none')}</Alert>}
      {Boolean(query.data?.items.length) && (
        <ScrollTable minWidth={760} label={t('staff.heading')}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('staff.title')}</Table.Th><Table.Th>{t('public.award')}</Table.Th><Table.Th>{t('public.period')}</Table.Th>
                <Table.Th>{t('staff.list')}</Table.Th><Table.Th>{t('staff.comments')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data?.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <AnchorLink to="/lay-y-kien/$consultationId" params={{ consultationId: c.id }}>{c.title}</AnchorLink>
                  </Table.Td>
                  <Table.Td>{c.awardFormName}</Table.Td>
                  <Table.Td>
                    {formatDate(c.startsOn)} – {formatDate(c.endsOn)} <Badge color={STATE_COLOR[c.state]} variant="light">{t(`staff.state.${c.state}`)}</Badge>
                  </Table.Td>
                  <Table.Td>{t('public.candidateCount', { count: c.candidateCount })}</Table.Td>
                  <Table.Td>{c.pendingCount > 0 ? <Badge color="orange">{t('staff.pending', { count: c.pendingCount })}</Badge> : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}

/** /lay-y-kien: the consultations the standing agency runs. */
export function StaffListPage() {
  return (
    <RequireRole roles={['system_admin', 'standing_officer']}>
      <ConsultationList />
    </RequireRole>
  );
}
