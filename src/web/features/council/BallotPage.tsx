import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDate } from '../../app/format.ts';
import { Loading } from '../../app/Loading.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { CHOICES_ORDER, useBallots, useCastBallot, type Ballot, type Choice } from './api.ts';
import { councilTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';

/**
 * A council member's ballot: every meeting now voting on their council, each candidate with yes / no /
 * abstain, one submit. Once sent, a candidate shows "Đã bỏ phiếu" — the choice is never shown again,
 * because it is stored nowhere.
 */
export function BallotPage() {
  const { t } = useTexts(councilTexts);
  usePageTitle(t('ballot.title'));
  const query = useBallots();
  return (
    <Stack>
      <Title order={1}>{t('ballot.title')}</Title>
      <Alert variant="light">{t('ballot.intro')}</Alert>
      <ErrorAlert error={query.error} />
      {query.isPending && <Loading />}
      {query.data && query.data.length === 0 && <Text c="dimmed">{t('ballot.none')}</Text>}
      {query.data?.map((ballot) => <MeetingBallot key={ballot.meeting.id} ballot={ballot} />)}
    </Stack>
  );
}

function MeetingBallot({ ballot }: { ballot: Ballot }) {
  const { t } = useTexts(councilTexts);
  const cast = useCastBallot(ballot.meeting.id);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const open = ballot.items.filter((i) => i.state === 'open');
  const complete = open.length > 0 && open.every((i) => choices[i.id]);
  const submit = () => cast.mutate(open.map((i) => ({ itemId: i.id, choice: choices[i.id]! })), { onSuccess: () => setChoices({}) });
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h3">{ballot.meeting.councilName} — {formatDate(ballot.meeting.date)}</Title>
        {!ballot.meeting.present && <Text size="sm">{t('ballot.absent')}</Text>}
        <Table.ScrollContainer minWidth={600}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('column.candidate')}</Table.Th>
                <Table.Th>{t('column.unit')}</Table.Th>
                <Table.Th>{t('ballot.title')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ballot.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Text fw={600}>{item.name}</Text>
                    <Text size="sm" c="dimmed">{item.awardFormName}{item.position ? ` — ${item.position}` : ''}</Text>
                  </Table.Td>
                  <Table.Td>{item.nominatingUnit}</Table.Td>
                  <Table.Td>
                    {item.state === 'open' ? (
                      <Radio.Group name={`ballot-${item.id}`} aria-label={item.name} value={choices[item.id] ?? null}
                        onChange={(value) => setChoices({ ...choices, [item.id]: value as Choice })}>
                        <Group gap="md">
                          {CHOICES_ORDER.map((c) => <Radio key={c} value={c} label={t(`ballot.${c}`)} />)}
                        </Group>
                      </Radio.Group>
                    ) : (
                      <Badge variant="light" color={item.state === 'voted' ? 'green' : 'gray'}>{t(`ballot.state.${item.state}`)}</Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <ErrorAlert error={cast.error} />
        {open.length === 0 ? <Text>{t('ballot.nothing')}</Text> : (
          <Group><Button disabled={!complete} loading={cast.isPending} onClick={submit}>{t('ballot.submit')}</Button></Group>
        )}
      </Stack>
    </Card>
  );
}
