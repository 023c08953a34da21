import { useState } from 'react';
import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { ConfirmButton } from '../../app/ConfirmButton.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { Facts } from '../../app/Facts.tsx';
import { Loading } from '../../app/Loading.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { formatDate, formatInstant } from '../../app/format.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useDecision, useDeleteDecision, useIssueDecision } from './api.ts';
import { money, decisionsTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';

/** /quyet-dinh/$decisionId: the decision, its list and money; issue it (once) and download it. */
export function DecisionPage({ decisionId }: { decisionId: string }) {
  const { t } = useTexts(decisionsTexts);
  const decision = useDecision(decisionId);
  usePageTitle(decision.data ? `${t('title')} ${decision.data.fullNumber}` : t('title'));
  // one key per visit: a doubled click or a retried request is answered the same, and issues once
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const issue = useIssueDecision(decisionId, idempotencyKey);
  const remove = useDeleteDecision(decisionId);
  const navigate = useNavigate();
  if (decision.isPending) return <Loading />;
  if (decision.error) return <ErrorAlert error={decision.error} />;
  const d = decision.data;
  const base = `/api/decisions/${encodeURIComponent(d.id)}/document`;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{`${t('title')} ${d.fullNumber}`}</Title>
        <Badge color={d.status === 'issued' ? 'green' : 'gray'}>{t(`statuses.${d.status}`)}</Badge>
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Facts items={[
            { label: t('authority'), value: d.authority.name },
            { label: t('awardForm'), value: d.awardFormName },
            { label: t('year'), value: String(d.year) },
            { label: t('signedOn'), value: formatDate(d.signedOn) },
          ]} />
          <Facts items={[
            { label: t('signer'), value: [d.signer.authority, d.signer.authorityBody, d.decidedBy].filter(Boolean).join(' ') },
            { label: t('reason'), value: d.reason },
            { label: t('budgetSource'), value: d.budgetSource },
          ]} />
        </SimpleGrid>
        {d.issuedAt && <Text mt="sm">{t('issued', { at: formatInstant(d.issuedAt) })}</Text>}
      </Paper>
      <ScrollTable minWidth={640} label={t('candidates')}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>STT</Table.Th>
              <Table.Th>{t('name')}</Table.Th>
              <Table.Th>{t('positionUnit')}</Table.Th>
              <Table.Th ta="right">{t('amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.lines.map((l, i) => (
              <Table.Tr key={l.id}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>{l.name}</Table.Td>
                <Table.Td>{l.recipient === 'collective' ? '' : [l.position, l.unitName].filter(Boolean).join(' – ')}</Table.Td>
                <Table.Td ta="right">{money(l.amount)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td />
              <Table.Td fw={700}>{t('total')}</Table.Td>
              <Table.Td />
              <Table.Td ta="right" fw={700}>{money(d.total)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Group>
        <Anchor href={`${base}.docx`} download>{t('downloadDocx')}</Anchor>
        <Anchor href={`${base}.pdf`} download>{t('downloadPdf')}</Anchor>
        {/* every certificate of the decision, one page each in the decision's order (issue 17.7) */}
        {d.printable && (
          <Anchor href={`/api/decisions/${encodeURIComponent(d.id)}/certificates.pdf`} download data-testid="decision-certificates">{t('downloadCertificates')}</Anchor>
        )}
      </Group>
      <ErrorAlert error={issue.error ?? remove.error} />
      {d.canIssue && (
        <Group justify="flex-end">
          <ConfirmButton variant="default" question={t('deleteQuestion', { number: d.fullNumber })} confirmLabel={t('delete')}
            onConfirm={async () => { await remove.mutateAsync(); await navigate({ to: '/quyet-dinh/moi' }); }}>
            {t('delete')}
          </ConfirmButton>
          <ConfirmButton question={t('issueQuestion', { number: d.fullNumber, count: d.lines.length })} confirmLabel={t('issue')}
            onConfirm={() => issue.mutateAsync()}>
            {t('issue')}
          </ConfirmButton>
        </Group>
      )}
    </Stack>
  );
}
