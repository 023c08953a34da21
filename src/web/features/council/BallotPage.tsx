import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, List, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { AppModal } from '../../app/AppModal.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDate } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { Loading } from '../../app/Loading.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { CHOICES_ORDER, useBallots, useCastBallot, type Ballot, type Choice } from './api.ts';
import { councilTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

type BallotItem = Ballot['items'][number];
const ELIGIBILITY_COLOURS: Record<string, string> = { met: 'green', attest: 'yellow', unmet: 'red' };
const documentUrl = (batchId: string, id: string) => `/api/nominations/batches/${encodeURIComponent(batchId)}/documents/${encodeURIComponent(id)}`;

/**
 * A council member's ballot: every meeting now voting on their council, each candidate with their
 * dossier and the eligibility check's verdict, yes / no / abstain, and one submit that first shows the
 * choices back (a sealed ballot cannot be changed). Once sent, a candidate shows "Đã bỏ phiếu" — the
 * choice is never shown again, because it is stored nowhere.
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
  const { t: common } = useTexts(appTexts);
  const cast = useCastBallot(ballot.meeting.id);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [confirming, setConfirming] = useState(false);
  const open = ballot.items.filter((i) => i.state === 'open');
  const complete = open.length > 0 && open.every((i) => choices[i.id]);
  const submit = () => cast.mutate(open.map((i) => ({ itemId: i.id, choice: choices[i.id]! })), {
    onSuccess: () => {
      setChoices({});
      setConfirming(false);
    },
  });
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h3">{ballot.meeting.councilName} — {formatDate(ballot.meeting.date)}</Title>
        {!ballot.meeting.present && <Text size="sm">{t('ballot.absent')}</Text>}
        <Table.ScrollContainer minWidth={760}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('column.candidate')}</Table.Th>
                <Table.Th>{t('column.eligibility')}</Table.Th>
                <Table.Th>{t('ballot.dossier')}</Table.Th>
                <Table.Th>{t('ballot.title')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ballot.items.map((item) => (
                <Table.Tr key={item.id} data-testid={`ballot-item-${item.name}`}>
                  <Table.Td>
                    <Text fw={600}>{item.name}</Text>
                    <Text size="sm" c="dimmed">{item.awardFormName}{item.position ? ` — ${item.position}` : ''}</Text>
                    <Text size="sm">{item.nominatingUnit}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={ELIGIBILITY_COLOURS[item.eligibility ?? ''] ?? 'gray'} data-eligibility={item.eligibility ?? 'none'}>
                      {t(`ballot.eligibility.${item.eligibility === 'met' || item.eligibility === 'attest' || item.eligibility === 'unmet' ? item.eligibility : 'unknown'}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Dossier item={item} />
                  </Table.Td>
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
        <ErrorAlert error={confirming ? null : cast.error} />
        {open.length === 0 ? <Text>{t('ballot.nothing')}</Text> : (
          <Group><Button disabled={!complete} onClick={() => setConfirming(true)} data-testid="ballot-submit">{t('ballot.submit')}</Button></Group>
        )}
      </Stack>
      <AppModal opened={confirming} onClose={() => setConfirming(false)} title={t('ballot.confirmTitle')}>
        <Stack>
          <Text>{t('ballot.confirmIntro')}</Text>
          <List data-testid="ballot-confirm-choices">
            {open.map((i) => <List.Item key={i.id}><Text span fw={600}>{i.name}</Text>: {choices[i.id] ? t(`ballot.${choices[i.id]!}`) : ''}</List.Item>)}
          </List>
          <ErrorAlert error={cast.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>{common('common.cancel')}</Button>
            <Button loading={cast.isPending} onClick={submit} data-testid="ballot-confirm">{t('ballot.confirm')}</Button>
          </Group>
        </Stack>
      </AppModal>
    </Card>
  );
}

/** The candidate's documents and the batch's (letter, minutes), each opening the signed PDF; and the batch page. */
function Dossier({ item }: { item: BallotItem }) {
  const { t } = useTexts(councilTexts);
  return (
    <Stack gap={2}>
      {item.dossier.length === 0 && <Text size="sm" c="dimmed">{t('ballot.dossierNone')}</Text>}
      {item.dossier.map((d) => (
        <Anchor key={d.id} size="sm" href={documentUrl(item.batchId, d.id)} target="_blank" rel="noopener"
          aria-label={t('ballot.documentOf', { kind: t(`ballot.kinds.${d.kind}`), name: item.name })} data-testid="ballot-document">
          {t(`ballot.kinds.${d.kind}`)}
        </Anchor>
      ))}
      <AnchorLink size="sm" to="/de-nghi/$batchId" params={{ batchId: item.batchId }}>{t('ballot.openBatch')}</AnchorLink>
    </Stack>
  );
}
