import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { AnchorLink } from '../../app/links.tsx';
import { ConfirmButton } from '../../app/ConfirmButton.tsx';
import { DateField } from '../../app/DateField.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { Loading } from '../../app/Loading.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { formatDate, formatInstant } from '../../app/format.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useCloseConsultation, useConsultation, useExtendConsultation, useModerate, type StaffComment } from './api.ts';
import { STATE_COLOR } from './StaffListPage.tsx';
import { consultationTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';

const route = getRouteApi('/_app/lay-y-kien/$consultationId');
const STATUS_COLOR = { pending: 'orange', published: 'green', hidden: 'gray' } as const;

function CommentCard({ consultationId, comment }: { consultationId: string; comment: StaffComment }) {
  const { t } = useTexts(consultationTexts);
  const moderate = useModerate(consultationId);
  const [note, setNote] = useState(comment.handlingNote);
  return (
    <Paper withBorder p="sm" component="li">
      <Stack gap="xs">
        <Group gap="xs">
          <Badge color={STATUS_COLOR[comment.status]} variant="light">{t(`staff.status.${comment.status}`)}</Badge>
          <Text size="sm" c="dimmed">
            {comment.authorName || t('public.anonymous')} · {formatInstant(comment.createdAt)} ·{' '}
            {comment.candidateNo === null ? t('public.aboutWhole') : t('public.aboutCandidate', { no: comment.candidateNo })} ·{' '}
            {t('staff.sender')}: {comment.sender}
          </Text>
        </Group>
        {comment.contact && <Text size="sm">{t('staff.contact')}: {comment.contact}</Text>}
        {/* what the public wrote, as text: React escapes it */}
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{comment.body}</Text>
        <Textarea label={t('staff.handlingNote')} autosize minRows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        {comment.handledBy && comment.handledAt && (
          <Text size="xs" c="dimmed">{t('staff.handledBy', { name: comment.handledBy, at: formatInstant(comment.handledAt) })}</Text>
        )}
        <ErrorAlert error={moderate.error} />
        <Group gap="xs">
          {comment.status !== 'published' && (
            <Button size="xs" color="green" loading={moderate.isPending}
              onClick={() => moderate.mutate({ commentId: comment.id, version: comment.version, status: 'published', handlingNote: note })}>{t('staff.publishComment')}</Button>
          )}
          {comment.status !== 'hidden' && (
            <Button size="xs" color="gray" loading={moderate.isPending}
              onClick={() => moderate.mutate({ commentId: comment.id, version: comment.version, status: 'hidden', handlingNote: note })}>{t('staff.hideComment')}</Button>
          )}
          <Button size="xs" variant="default" loading={moderate.isPending} disabled={note === comment.handlingNote}
            onClick={() => moderate.mutate({ commentId: comment.id, version: comment.version, handlingNote: note })}>{t('staff.saveNote')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A later end date: a holiday the working-day calendar does not know. */
function ExtendForm({ consultationId }: { consultationId: string }) {
  const { t } = useTexts(consultationTexts);
  const extend = useExtendConsultation(consultationId);
  const [endsOn, setEndsOn] = useState('');
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <DateField label={t('staff.newEnd')} value={endsOn} onChange={setEndsOn} />
        <Button variant="default" disabled={!endsOn} loading={extend.isPending}
          onClick={() => extend.mutate(endsOn, { onSuccess: () => setEndsOn('') })}>{t('staff.extend')}</Button>
      </Group>
      <ErrorAlert error={extend.error} />
    </Stack>
  );
}

function ConsultationDetail() {
  const { t } = useTexts(consultationTexts);
  const { consultationId } = route.useParams();
  const query = useConsultation(consultationId);
  const close = useCloseConsultation(consultationId);
  const c = query.data;
  usePageTitle(c?.title ?? t('staff.heading'));
  if (query.isPending) return <Loading />;
  if (!c) return <ErrorAlert error={query.error} />;
  return (
    <Stack>
      <AnchorLink to="/lay-y-kien">{t('staff.heading')}</AnchorLink>
      <Title order={1}>{c.title}</Title>
      <Group gap="xs">
        <Badge color={STATE_COLOR[c.state]} variant="light">{t(`staff.state.${c.state}`)}</Badge>
        <Text>{c.organisationName} · {c.awardFormName}</Text>
      </Group>
      <Text>{t('public.channel')}: {c.channel}</Text>
      <Text>{t('public.period')}: {t('public.periodValue', { start: formatDate(c.startsOn), end: formatDate(c.endsOn), days: c.workingDays })}</Text>
      <Group>
        <AnchorLink to="/gop-y/$consultationId" params={{ consultationId: c.id }} target="_blank">{t('staff.publicPage')}</AnchorLink>
        {c.state !== 'closed' && (
          <ConfirmButton question={t('staff.closeQuestion')} confirmLabel={t('staff.close')} onConfirm={() => close.mutateAsync()}
            disabled={c.state !== 'ended'}>
            {t('staff.close')}
          </ConfirmButton>
        )}
      </Group>

      {c.state !== 'closed' && <ExtendForm consultationId={c.id} />}

      <Title order={2} size="h3">{t('staff.list')}</Title>
      <ScrollTable minWidth={640} label={t('staff.list')}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('public.no')}</Table.Th><Table.Th>{t('public.name')}</Table.Th><Table.Th>{t('public.position')}</Table.Th>
              <Table.Th>{t('public.unit')}</Table.Th><Table.Th>{t('public.award')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.candidates.map((k) => (
              <Table.Tr key={k.candidateId}>
                <Table.Td>{k.no}</Table.Td><Table.Td>{k.name}</Table.Td><Table.Td>{k.position}</Table.Td>
                <Table.Td>{k.unitName}</Table.Td><Table.Td>{k.awardName}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>

      <Title order={2} size="h3">{t('staff.comments')}</Title>
      {c.comments.length === 0 ? <Text c="dimmed">{t('staff.noComments')}</Text> : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {c.comments.map((m) => <CommentCard key={`${m.id}:${m.status}:${m.handlingNote}`} consultationId={c.id} comment={m} />)}
        </Stack>
      )}
    </Stack>
  );
}

/** /lay-y-kien/$consultationId: the standing agency's view — every comment (pending first), moderation, handling, closing. */
export function StaffConsultationPage() {
  return (
    <RequireRole roles={['system_admin', 'standing_officer']}>
      <ConsultationDetail />
    </RequireRole>
  );
}
