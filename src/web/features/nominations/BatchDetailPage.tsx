import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { withQuery } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { Facts } from '../../app/Facts.tsx';
import { formatDate, formatInstant } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { Crumbs, EXACT } from '../../app/Crumbs.tsx';
import { Loading } from '../../app/Loading.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useBatch } from './api.ts';
import { AddCandidateButton } from './AddCandidateForm.tsx';
import { BulkCandidateButtons } from './AddQualifyingButton.tsx';
import { BatchActions } from './BatchActions.tsx';
import { CandidatesTable } from './CandidatesTable.tsx';
import { DossierPanel } from './DossierPanel.tsx';
import { ForwardPanel } from './ForwardPanel.tsx';
import { HistoryTimeline } from './HistoryTimeline.tsx';
import { QuotaPanel } from './QuotaPanel.tsx';
import { ReturnedPanel } from './ReturnedPanel.tsx';
import { BatchStatusBadge } from './StatusBadge.tsx';
import { DeskPanel } from './DeskPanel.tsx';
import { nominationsTexts } from './text.ts';
import { NOMINATION_READERS, type BatchDetail } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';

const route = getRouteApi('/_app/de-nghi/$batchId');

/** /de-nghi/$batchId: one batch, all from GET /api/nominations/batches/:id. */
export function BatchDetailPage() {
  return (
    <RequireRole roles={[...NOMINATION_READERS]}>
      <BatchPage />
    </RequireRole>
  );
}

function BatchPage() {
  const { t } = useTexts(nominationsTexts);
  const { batchId } = route.useParams();
  const query = useBatch(batchId);
  usePageTitle(query.data?.batch.title ?? t('list.title'));

  if (query.isPending) return <Loading />;
  if (query.error || !query.data) {
    return (
      <Stack>
        <AnchorLink to="/de-nghi">{t('detail.back')}</AnchorLink>
        <ErrorAlert error={query.error ?? t('detail.notFound')} />
      </Stack>
    );
  }
  const detail = query.data;
  const { batch } = detail;
  return (
    <Stack gap="lg" data-testid="batch-page" data-status={batch.status}>
      <BatchHeader detail={detail} />
      <ReturnedPanel detail={detail} />
      <BatchActions detail={detail} />
      <DeskPanel detail={detail} />
      <QuotaPanel detail={detail} />
      <Paper withBorder p="md" component="section" aria-labelledby="batch-candidates">
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Title order={2} size="h3" id="batch-candidates">
            {t('candidates.heading')}
          </Title>
          {batch.editable && (
            <Group gap="xs" wrap="wrap">
              <AddCandidateButton detail={detail} />
              <BulkCandidateButtons detail={detail} />
            </Group>
          )}
        </Group>
        <CandidatesTable detail={detail} />
      </Paper>
      <DossierPanel detail={detail} />
      <ForwardPanel detail={detail} />
      <NextSteps detail={detail} />
      <HistoryTimeline detail={detail} />
    </Stack>
  );
}

function BatchHeader({ detail }: { detail: BatchDetail }) {
  const { t } = useTexts(nominationsTexts);
  const { batch, window } = detail;
  const closed = window.state === 'closed';
  return (
    <Stack gap="xs">
      <Crumbs>
        <AnchorLink to="/de-nghi" activeOptions={EXACT}>{t('list.title')}</AnchorLink>
        {batch.movement && <AnchorLink to="/phong-trao/$id" params={{ id: batch.movement.id }} activeOptions={EXACT}>{batch.movement.name}</AnchorLink>}
        {batch.title}
      </Crumbs>
      <Group gap="sm" wrap="wrap" align="center">
        <Title order={1}>{batch.title}</Title>
        {/* a batch closed without a decision (a failed vote) says what happened instead of a bare "done" */}
        {batch.status === 'decided' && batch.statusReason
          ? <Text fw={700} c="red.9" data-testid="batch-status-reason">{batch.statusReason}</Text>
          : <BatchStatusBadge status={batch.status} />}
      </Group>
      {batch.status === 'returned' && batch.statusReason && (
        <Alert color="orange" variant="light" data-testid="batch-status-reason">
          <Text size="sm" fw={600}>{t('detail.returnedBecause', { reason: batch.statusReason })}</Text>
        </Alert>
      )}
      <Text size="lg">{t('detail.unitToReceiving', { unit: batch.organisation.name, receiving: batch.receiving.name })}</Text>
      {batch.movement && (
        <Text size="sm">
          {t('detail.movement')}:{' '}
          <AnchorLink to="/phong-trao/$id" params={{ id: batch.movement.id }}>
            {batch.movement.name}
          </AnchorLink>
        </Text>
      )}
      <Facts
        items={[
          { label: t('detail.awardForm'), value: batch.awardFormName },
          { label: t('detail.kind'), value: t(`kinds.${batch.kind}`) },
          { label: t('detail.year'), value: String(batch.year) },
          ...(batch.receiptNumber ? [{ label: t('detail.receipt'), value: <span data-testid="batch-receipt">{batch.receiptNumber}</span> }] : []),
          ...(batch.submittedAt ? [{ label: t('detail.submittedAt'), value: formatInstant(batch.submittedAt) }] : []),
        ]}
      />
      {(window.closes || window.opens) && (
        <Group gap="xs" data-testid="batch-window" data-state={window.state}>
          {window.opens && window.state === 'not_open' && <Text fw={600}>{t('detail.windowFrom', { opens: formatDate(window.opens) })}</Text>}
          {window.closes && (
            <Text fw={600} c={closed ? 'red.8' : undefined}>
              {t('detail.window', { closes: formatDate(window.closes) })}
            </Text>
          )}
          {closed && <Badge color="red" variant="light">{t('detail.windowClosed')}</Badge>}
          {window.state === 'not_open' && <Badge color="yellow" variant="filled" autoContrast>{t('detail.windowNotOpen')}</Badge>}
        </Group>
      )}
      {batch.forwardedFromBatchId && (
        <Alert variant="light" color="blue">
          <AnchorLink to="/de-nghi/$batchId" params={{ batchId: batch.forwardedFromBatchId }}>
            {t('detail.forwardedFrom')}
          </AnchorLink>
        </Alert>
      )}
    </Stack>
  );
}

/**
 * Where the accepted batch goes next at the receiving level: the council, the public consultation, the
 * decision. Those pages are other modules'; the standing agency sees the links once appraisal is done.
 */
function NextSteps({ detail }: { detail: BatchDetail }) {
  const { t } = useTexts(nominationsTexts);
  const { batch } = detail;
  // the receiving level's standing agency: the server offers it the council's or the forwarding actions
  const receivingAgency = detail.candidates.some((c) => c.actions.some((a) => a === 'vote_pass' || a === 'forward' || a === 'decide'));
  if (batch.status !== 'accepted' || !receivingAgency) return null;
  // plain links: these pages belong to other modules and may not be in this build yet
  const links = [
    { key: 'council', href: '/hoi-dong' },
    { key: 'consultation', href: withQuery('/lay-y-kien/moi', { batchId: batch.id }) },
    { key: 'decision', href: withQuery('/quyet-dinh/moi', { awardForm: batch.awardForm }) },
  ] as const;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="batch-next">
      <Title order={2} size="h3" id="batch-next" mb="sm">
        {t('next.heading')}
      </Title>
      <Group>
        {links.map((l) => (
          <Button key={l.key} component="a" href={l.href} variant="light" data-testid={`next-${l.key}`}>
            {t(`next.${l.key}`)}
          </Button>
        ))}
      </Group>
    </Paper>
  );
}
