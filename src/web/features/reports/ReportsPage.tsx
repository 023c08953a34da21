import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDate } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { Loading } from '../../app/Loading.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useMyReports } from './api.ts';
import { UnitStateBadge } from './StateBadge.tsx';
import { reportsTexts } from './text.ts';
import type { MyReports } from './types.ts';
import { PageHelp } from '../../app/PageHelp.tsx';
import { useTexts } from '../../i18n/texts.ts';

const route = getRouteApi('/_app/bao-cao');

export interface ReportsSearch { phase?: string }

/** /bao-cao: the reports my units owe, and the report phases my units issued (to compile what comes in). */
export function ReportsPage() {
  const { t } = useTexts(reportsTexts);
  usePageTitle(t('title'));
  const { phase } = route.useSearch();
  const query = useMyReports(phase);
  return (
    <Stack>
      <Title order={1}>{t('title')}</Title>
      <Text>{t('intro')}</Text>
      <PageHelp>{t('help')}</PageHelp>
      <ErrorAlert error={query.error} />
      {query.isPending && <Loading />}
      {query.data && <Owed items={query.data.items} />}
      {query.data && <Received items={query.data.received} />}
    </Stack>
  );
}

function Owed({ items }: { items: MyReports['items'] }) {
  const { t } = useTexts(reportsTexts);
  return (
    <Stack component="section" aria-labelledby="owed-heading" gap="xs">
      <Title order={2} size="h3" id="owed-heading">{t('owedHeading')}</Title>
      {items.length === 0 ? <Alert variant="light">{t('owedEmpty')}</Alert> : (
        <ScrollTable minWidth={860} label={t('owedHeading')}>
          <Table striped data-testid="reports-owed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('phase')}</Table.Th>
                <Table.Th scope="col">{t('unit')}</Table.Th>
                <Table.Th scope="col">{t('issuer')}</Table.Th>
                <Table.Th scope="col">{t('dueOn')}</Table.Th>
                <Table.Th scope="col">{t('state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={`${r.phaseId}:${r.organisation.id}`}>
                  <Table.Td>
                    <AnchorLink to="/bao-cao/$phaseId/$organisationId" params={{ phaseId: r.phaseId, organisationId: r.organisation.id }}
                      data-testid="report-open">
                      {r.movement.name}
                    </AnchorLink>
                    <Text size="xs" c="dimmed">{r.phaseTitle}</Text>
                  </Table.Td>
                  <Table.Td>{r.organisation.name}</Table.Td>
                  <Table.Td>{r.issuerName}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.dueOn)}</Table.Td>
                  <Table.Td><UnitStateBadge state={r.state} /></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}

function Received({ items }: { items: MyReports['received'] }) {
  const { t } = useTexts(reportsTexts);
  return (
    <Stack component="section" aria-labelledby="received-heading" gap="xs">
      <Title order={2} size="h3" id="received-heading">{t('receivedHeading')}</Title>
      {items.length === 0 ? <Alert variant="light">{t('receivedEmpty')}</Alert> : (
        <ScrollTable minWidth={760} label={t('receivedHeading')}>
          <Table striped data-testid="reports-received">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('phase')}</Table.Th>
                <Table.Th scope="col">{t('unit')}</Table.Th>
                <Table.Th scope="col">{t('dueOn')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('submitted')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.phaseId}>
                  <Table.Td>
                    <AnchorLink to="/bao-cao/tong-hop/$phaseId/$organisationId" params={{ phaseId: r.phaseId, organisationId: r.organisation.id }}
                      data-testid="compilation-open">
                      {r.movement.name}
                    </AnchorLink>
                    <Text size="xs" c="dimmed">{r.phaseTitle}</Text>
                  </Table.Td>
                  <Table.Td>{r.organisation.name}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.dueOn)}</Table.Td>
                  <Table.Td ta="right">{r.submitted}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}
