import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { AnchorLink } from '../../app/links.tsx';
import { Crumbs, EXACT } from '../../app/Crumbs.tsx';
import { ConfirmButton } from '../../app/ConfirmButton.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDate } from '../../app/format.ts';
import { Loading } from '../../app/Loading.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { AgendaTable } from './AgendaTable.tsx';
import { PaperBallotForm } from './PaperBallotForm.tsx';
import { minutesUrl, paperMinutesUrl, useMeeting, useMeetingAction, type MeetingItem } from './api.ts';
import { councilTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';

const route = getRouteApi('/_app/hoi-dong/phien-hop/$meetingId');
const OUTCOME_COLOURS = { pending: 'gray', passed: 'green', failed: 'red', deferred: 'yellow' } as const;

/** The standing officer's meeting page: attendance, the agenda with thresholds, open / close, defer, results, minutes. */
export function MeetingPage() {
  const { t } = useTexts(councilTexts);
  const { meetingId } = route.useParams();
  const query = useMeeting(meetingId);
  const action = useMeetingAction(meetingId);
  const meeting = query.data;
  usePageTitle(meeting ? `${meeting.councilName} ${formatDate(meeting.date)}` : t('meetings.title'));
  // the ticks being edited; until then, the attendance as saved
  const [edited, setPresent] = useState<Set<string> | null>(null);
  const [paperOpen, setPaperOpen] = useState(false);

  if (query.isPending) return <Loading />;
  if (!meeting) return <ErrorAlert error={query.error} />;
  const manage = meeting.viewer.canManage;
  const planned = meeting.status === 'planned';
  const closed = meeting.status === 'closed';
  const present = edited ?? new Set(meeting.members.filter((m) => m.present).map((m) => m.personId));
  // paper counts are never mixed with online ballots (the server refuses them once one is cast)
  const onlineCast = meeting.items.some((i) => i.ballotsReceived > 0);
  const paperAllowed = manage && !closed && !onlineCast;

  const threshold = (i: MeetingItem) => (
    <Text size="sm">
      {/* 50.01% is how the settings write a simple majority (quá bán) */}
      {t(i.procedure.thresholdPercent > 50 && i.procedure.thresholdPercent < 50.5 ? 'majority' : 'threshold', { percent: i.procedure.thresholdPercent, needed: i.votesNeeded,
        of: t(`of.${i.procedure.thresholdOf}`, { count: i.procedure.thresholdOf === 'members' ? i.base.members : i.base.present }) })}
      {i.procedure.secretBallot ? ` (${t('secret')})` : ''}
      {i.recusals.length > 0 && <><br />{t('meeting.recused', { names: i.recusals.map((r) => `${r.name} — ${r.reason === 'heads_unit'
        ? t('recusal.heads_unit', { unit: r.detail }) : t('recusal.is_candidate')}`).join('; ') })}</>}
    </Text>
  );
  const result = (i: MeetingItem) => (
    <Stack gap={4}>
      <Badge color={OUTCOME_COLOURS[i.outcome]} variant="light">{t(`outcome.${i.outcome}`)}</Badge>
      {manage && !closed && i.outcome === 'pending' && (
        <ConfirmButton size="compact-sm" variant="subtle" question={t('meeting.deferQuestion')} confirmLabel={t('meeting.defer')}
          label={`${t('meeting.defer')} ${i.name}`} onConfirm={() => action.mutateAsync({ kind: 'defer', itemId: i.id })}>
          {t('meeting.defer')}
        </ConfirmButton>
      )}
    </Stack>
  );

  return (
    <Stack>
      <Crumbs>
        <AnchorLink to="/hoi-dong" activeOptions={EXACT}>{t('meetings.title')}</AnchorLink>
        {meeting.councilName}
      </Crumbs>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{meeting.councilName}</Title>
        <Badge size="lg" variant="light">{t(`status.${meeting.status}`)}</Badge>
      </Group>
      <Text>{formatDate(meeting.date)} {meeting.startsAt}{meeting.location ? ` — ${meeting.location}` : ''}</Text>
      <ErrorAlert error={action.error} />

      {/* the paper form takes its own list of those present */}
      {!(paperOpen && paperAllowed) && <Card withBorder>
        <Stack>
          <Title order={2} size="h3">{t('meeting.attendance')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            {meeting.members.map((m) => (
              <Checkbox key={m.personId} label={`${m.name} (${t(`role.${m.role}` as 'role.member')})`} checked={present.has(m.personId)}
                disabled={!manage || !planned}
                onChange={(e) => {
                  const next = new Set(present);
                  if (e.currentTarget.checked) next.add(m.personId); else next.delete(m.personId);
                  setPresent(next);
                }} />
            ))}
          </SimpleGrid>
          {manage && planned && (
            <Group>
              <Button variant="default" loading={action.isPending} onClick={() => action.mutate({ kind: 'attendance', present: [...present] }, { onSuccess: () => setPresent(null) })}>
                {t('meeting.saveAttendance')}
              </Button>
              <ConfirmButton question={t('meeting.openQuestion')} confirmLabel={t('meeting.openBallot')}
                onConfirm={async () => {
                  await action.mutateAsync({ kind: 'attendance', present: [...present] });
                  return action.mutateAsync({ kind: 'open' });
                }}>
                {t('meeting.openBallot')}
              </ConfirmButton>
            </Group>
          )}
        </Stack>
      </Card>}

      <Title order={2} size="h3">{t('meeting.agenda')}</Title>
      {!closed && <Alert variant="light">{t('meeting.hidden')}</Alert>}
      <AgendaTable items={meeting.items} extra={[
        { header: t('column.threshold'), cell: threshold },
        // a paper ballot's ballots are in its tally, none came online
        ...(meeting.paperBallot?.recordedAt ? [] : [{ header: t('column.ballots'), cell: (i: MeetingItem) => i.ballotsReceived }]),
        ...(closed ? [{ header: t('column.tally'), cell: (i: MeetingItem) => (i.tally ? `${i.tally.yes} / ${i.tally.no} / ${i.tally.abstain}` : '') }] : []),
        { header: t('column.result'), cell: result },
      ]} />

      {paperOpen && paperAllowed && <PaperBallotForm meeting={meeting} onCancel={() => setPaperOpen(false)} />}
      {closed && meeting.paperBallot?.recordedAt && (
        <Alert variant="light" color="blue" data-testid="paper-recorded">
          {t('paper.recorded', { passed: meeting.items.filter((i) => i.outcome === 'passed').length, failed: meeting.items.filter((i) => i.outcome === 'failed').length })}{' '}
          <Anchor href={paperMinutesUrl(meeting.id)} download>{t('paper.download')}</Anchor>
        </Alert>
      )}

      <Group>
        {paperAllowed && !paperOpen && (
          <Button variant="default" onClick={() => setPaperOpen(true)} data-testid="paper-open">{t('paper.title')}</Button>
        )}
        {manage && meeting.status === 'voting' && (
          <ConfirmButton color="red" question={t('meeting.closeQuestion')} confirmLabel={t('meeting.close')}
            onConfirm={() => action.mutateAsync({ kind: 'close' })}>
            {t('meeting.close')}
          </ConfirmButton>
        )}
        <Anchor href={minutesUrl(meeting.id)} download>{t('meeting.minutes')}</Anchor>
      </Group>
    </Stack>
  );
}
