import { useState } from 'react';
import { Badge, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { AnchorLink, ButtonLink } from '../../app/links.tsx';
import { councilRegistryTexts } from './registry-text.ts';
import { useAuth } from '../../app/auth.tsx';
import { AppSelect } from '../../app/AppSelect.tsx';
import { DateField } from '../../app/DateField.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDate, todayIso } from '../../app/format.ts';
import { Loading } from '../../app/Loading.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { AgendaTable } from './AgendaTable.tsx';
import { useCompiledList, useCreateMeeting, useMeetings } from './api.ts';
import { councilTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';

/** The standing agency's list of its council's meetings, the compiled list waiting, and convening a meeting. */
export function MeetingsPage() {
  const { t } = useTexts(councilTexts);
  const { t: rt } = useTexts(councilRegistryTexts);
  usePageTitle(t('meetings.title'));
  const { me } = useAuth();
  const organisations = [...new Map(me.grants.filter((g) => g.role === 'standing_officer' || g.role === 'system_admin')
    .map((g) => [g.organisationId, g.organisationName])).entries()];
  const [organisationId, setOrganisationId] = useState<string | null>(organisations[0]?.[0] ?? null);
  const meetings = useMeetings(organisationId);
  const compiled = useCompiledList(organisationId);
  const create = useCreateMeeting();
  const navigate = useNavigate();
  const [date, setDate] = useState(todayIso());
  const [startsAt, setStartsAt] = useState('08:00');
  const [location, setLocation] = useState('');
  const [place, setPlace] = useState('');

  const submit = async () => {
    if (!organisationId) return;
    const { id } = await create.mutateAsync({ organisationId, date, startsAt: startsAt || undefined, location, place });
    await navigate({ to: '/hoi-dong/phien-hop/$meetingId', params: { meetingId: id } });
  };

  return (
    <Stack>
      <Title order={1}>{t('meetings.title')}</Title>
      <Group><ButtonLink to="/hoi-dong/danh-sach" variant="light" data-testid="to-councils">{rt('title')}</ButtonLink></Group>
      <AppSelect label={t('meetings.organisation')} data={organisations.map(([value, label]) => ({ value, label }))}
        value={organisationId} onChange={setOrganisationId} maw={480} />
      <Title order={2} size="h3">{t('meetings.list')}</Title>
      <ErrorAlert error={meetings.error} />
      {meetings.isPending && organisationId && <Loading />}
      {meetings.data && meetings.data.length === 0 && <Text c="dimmed">{t('meetings.none')}</Text>}
      {meetings.data && meetings.data.length > 0 && (
        <ScrollTable minWidth={640} label={t('meetings.title')}>
        <Table striped withTableBorder aria-label={t('meetings.title')}>
          <Table.Tbody>
            {meetings.data.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td><AnchorLink to="/hoi-dong/phien-hop/$meetingId" params={{ meetingId: m.id }}>{formatDate(m.date)} {m.startsAt}</AnchorLink></Table.Td>
                <Table.Td>{m.councilName}</Table.Td>
                <Table.Td>{t('meetings.items', { count: m.itemCount })}</Table.Td>
                <Table.Td><Badge variant="light">{t(`status.${m.status}`)}</Badge></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        </ScrollTable>
      )}
      <Title order={2} size="h3">{t('meetings.compiled')}</Title>
      <ErrorAlert error={compiled.error} />
      {compiled.data && compiled.data.length === 0 && <Text c="dimmed">{t('meetings.compiledEmpty')}</Text>}
      {compiled.data && compiled.data.length > 0 && (
        <>
          <AgendaTable items={compiled.data} />
          <Card withBorder>
            <Stack>
              <Title order={3} size="h4">{t('meetings.create')}</Title>
              <Group align="end" wrap="wrap">
                <DateField label={t('meetings.date')} value={date} onChange={setDate} required />
                <TextInput label={t('meetings.startsAt')} value={startsAt} onChange={(e) => setStartsAt(e.currentTarget.value)} maw={160} />
                <TextInput label={t('meetings.location')} value={location} onChange={(e) => setLocation(e.currentTarget.value)} />
                <TextInput label={t('meetings.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} />
              </Group>
              <ErrorAlert error={create.error} />
              <Group><Button onClick={() => void submit().catch(() => undefined)} loading={create.isPending}>{t('meetings.create')}</Button></Group>
            </Stack>
          </Card>
        </>
      )}
    </Stack>
  );
}
