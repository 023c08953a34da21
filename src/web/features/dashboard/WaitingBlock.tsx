import type { ReactNode } from 'react';
import { List, Stack, Text } from '@mantine/core';
import { formatDate } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import type { Dashboard, WaitingBatch } from './api.ts';
import { Block } from './Block.tsx';
import { dashboardTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';

function Batches({ items, reason }: { items: WaitingBatch[]; reason?: (b: WaitingBatch) => ReactNode }) {
  return (
    <List size="sm" spacing={2} ml="md">
      {items.map((b) => (
        <List.Item key={b.id}>
          <AnchorLink to="/de-nghi/$batchId" params={{ batchId: b.id }} size="sm">{b.title}</AnchorLink>
          <Text span size="sm" c="dimmed"> — {b.organisationName}</Text>
          {reason && b.reason ? <Text size="sm" c="red.9">{reason(b)}</Text> : null}
        </List.Item>
      ))}
    </List>
  );
}

/** What waits for the user's own action, each line a link to where it is done. */
export function WaitingBlock({ data }: { data: Dashboard }) {
  const { t } = useTexts(dashboardTexts);
  const w = data.waiting;
  const lines: { key: string; node: ReactNode }[] = [];
  // returned to my unit: the reason stands right under the batch, not at the bottom of its history
  if (w.returned.total > 0) {
    lines.push({ key: 'returned', node: (
      <Stack gap={2}>
        <AnchorLink to="/de-nghi" search={{ status: 'returned' }} fw={600}>{t('waiting.returned', { count: w.returned.total })}</AnchorLink>
        <Batches items={w.returned.items} reason={(b) => t('waiting.returnedReason', { reason: b.reason })} />
      </Stack>
    ) });
  }
  if (w.assigned.total > 0) {
    lines.push({ key: 'assigned', node: (
      <Stack gap={2}>
        <Text fw={600}>{t('waiting.assigned', { count: w.assigned.total })}</Text>
        <Batches items={w.assigned.items} />
      </Stack>
    ) });
  }
  if (w.reviews.total > 0) {
    lines.push({ key: 'reviews', node: (
      <Stack gap={2}>
        <Text fw={600}>{t('waiting.reviews', { count: w.reviews.total })}</Text>
        <Batches items={w.reviews.items} />
      </Stack>
    ) });
  }
  if (w.signatures.total > 0) {
    lines.push({ key: 'signatures', node: (
      <Stack gap={2}>
        <Text fw={600}>{t('waiting.signatures', { count: w.signatures.total })}</Text>
        <List size="sm" spacing={2} ml="md">
          {w.signatures.items.map((d) => (
            <List.Item key={d.id}>
              <AnchorLink to="/quyet-dinh/$decisionId" params={{ decisionId: d.id }} size="sm">{d.number} — {d.awardFormName}</AnchorLink>
              <Text span size="sm" c="dimmed"> — {d.authorityName}</Text>
            </List.Item>
          ))}
        </List>
      </Stack>
    ) });
  }
  for (const m of w.meetings) {
    lines.push({ key: `meeting-${m.meetingId}`, node: (
      <AnchorLink to="/hoi-dong/phien-hop/$meetingId" params={{ meetingId: m.meetingId }} fw={600}>
        {t('waiting.meeting', { council: m.councilName, date: formatDate(m.meetingDate), status: t(`waiting.meetingStatus.${m.status}`) })}
      </AnchorLink>
    ) });
  }
  if (w.approvals.total > 0) {
    lines.push({ key: 'approvals', node: (
      <Stack gap={2}>
        <AnchorLink to="/de-nghi" search={{ status: 'awaiting_head' }} fw={600}>{t('waiting.approvals', { count: w.approvals.total })}</AnchorLink>
        <Batches items={w.approvals.items} />
      </Stack>
    ) });
  }
  if (w.appraisals.total > 0) {
    lines.push({ key: 'appraisals', node: (
      <Stack gap={2}>
        <AnchorLink to="/de-nghi" search={{ status: 'submitted' }} fw={600}>{t('waiting.appraisals', { count: w.appraisals.total })}</AnchorLink>
        <Batches items={w.appraisals.items} />
      </Stack>
    ) });
  }
  for (const b of w.ballots) {
    lines.push({ key: `ballot-${b.meetingId}`, node: (
      <AnchorLink to="/hoi-dong/bo-phieu" fw={600}>{t('waiting.ballots', { council: b.councilName, date: formatDate(b.meetingDate), count: b.openItems })}</AnchorLink>
    ) });
  }
  for (const c of w.moderation) {
    lines.push({ key: `consultation-${c.consultationId}`, node: (
      <AnchorLink to="/lay-y-kien/$consultationId" params={{ consultationId: c.consultationId }} fw={600}>
        {t('waiting.moderation', { title: c.title, count: c.pending })}
      </AnchorLink>
    ) });
  }
  for (const r of w.reports) {
    lines.push({ key: `report-${r.phaseId}-${r.organisationId}`, node: (
      <Stack gap={2}>
        <AnchorLink to="/bao-cao/tong-hop/$phaseId/$organisationId" params={{ phaseId: r.phaseId, organisationId: r.organisationId }} fw={600}>
          {t('waiting.reports', { count: r.submitted, phase: r.phaseTitle })}
        </AnchorLink>
        <Text size="sm" c="dimmed" ml="md">{r.movementName}{r.dueOn ? ` — ${t('waiting.reportsDue', { date: formatDate(r.dueOn) })}` : ''}</Text>
      </Stack>
    ) });
  }
  if (w.unreadNotifications > 0) lines.push({ key: 'unread', node: <Text fw={600}>{t('waiting.unread', { count: w.unreadNotifications })}</Text> });

  return (
    <Block id="dashboard-waiting" title={t('waiting.heading')}>
      {lines.length === 0 ? <Text>{t('waiting.none')}</Text> : (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {lines.map((l) => <li key={l.key}>{l.node}</li>)}
        </Stack>
      )}
    </Block>
  );
}
