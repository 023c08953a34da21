import { useState } from 'react';
import { Alert, Badge, Button, Card, Checkbox, FileInput, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { AppModal } from '../../app/AppModal.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';
import { useCheckPaperBallot, useRecordPaperBallot, type Meeting, type PaperCounts, type PaperResult } from './api.ts';
import { councilTexts } from './text.ts';

const KINDS = ['yes', 'no', 'abstain'] as const;
type Kind = typeof KINDS[number];
type Entered = Record<string, Record<Kind, string>>;

/** What a count box keeps of what is typed: digits only (never a sign or a decimal point), at most three. */
const digits = (typed: string) => typed.replace(/\D/g, '').slice(0, 3);

/**
 * The secretary's form for a paper ballot (issue 17.4): who was present, each candidate's ballots for, against and
 * abstaining as the counting minutes give them, and the scan. The server judges the counts (the same rule as the
 * online ballot) and the dialog shows its verdict per candidate before anything is saved.
 */
export function PaperBallotForm({ meeting, onCancel }: { meeting: Meeting; onCancel: () => void }) {
  const { t, lang } = useTexts(councilTexts);
  const { t: common } = useTexts(appTexts);
  const [present, setPresent] = useState(() => new Set(meeting.members.filter((m) => m.present).map((m) => m.personId)));
  const [entered, setEntered] = useState<Entered>({});
  const [minutes, setMinutes] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [results, setResults] = useState<PaperResult[] | null>(null);
  const check = useCheckPaperBallot(meeting.id);
  const record = useRecordPaperBallot(meeting.id);
  const items = meeting.items.filter((i) => i.outcome !== 'deferred');

  // a candidate with all three boxes blank is left out, so the server names it as not entered; a single blank box is 0
  const body = (): PaperCounts => ({
    present: meeting.members.filter((m) => present.has(m.personId)).map((m) => m.personId),
    counts: items.filter((i) => KINDS.some((k) => entered[i.id]?.[k])).map((i) => ({
      itemId: i.id, yes: Number(entered[i.id]?.yes || 0), no: Number(entered[i.id]?.no || 0), abstain: Number(entered[i.id]?.abstain || 0),
    })),
  });
  const review = () => {
    setProblem(null);
    if (!minutes) return setProblem(t('paper.minutesNeeded'));
    if (minutes.type && minutes.type !== 'application/pdf') return setProblem(t('paper.pdfOnly'));
    check.mutate(body(), { onSuccess: setResults });
  };
  const type = (itemId: string, kind: Kind, value: string) => {
    check.reset(); // the server's last word was about other counts
    setEntered((e) => ({ ...e, [itemId]: { yes: '', no: '', abstain: '', ...e[itemId], [kind]: digits(value) } }));
  };

  return (
    <Card withBorder data-testid="paper-ballot">
      <Stack>
        <Title order={2} size="h3">{t('paper.title')}</Title>
        <Text size="sm">{t('paper.intro')}</Text>
        <Checkbox.Group label={t('paper.present', { count: present.size, total: meeting.members.length })}
          value={[...present]} onChange={(ids) => setPresent(new Set(ids))}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt="xs">
            {meeting.members.map((m) => (
              <Checkbox key={m.personId} value={m.personId} label={`${m.name} (${t(`role.${m.role}` as 'role.member')})`} data-testid="paper-present" />
            ))}
          </SimpleGrid>
        </Checkbox.Group>

        <ScrollTable minWidth={320} label={t('paper.title')}>
          <Table withTableBorder horizontalSpacing="xs" data-testid="paper-counts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('column.candidate')}</Table.Th>
                {KINDS.map((k) => <Table.Th key={k}>{t(`paper.${k}`)}</Table.Th>)}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Text fw={600} size="sm">{i.name}</Text>
                    <Text size="xs" c="dimmed">{i.awardFormName}</Text>
                  </Table.Td>
                  {KINDS.map((k) => (
                    <Table.Td key={k}>
                      <TextInput inputMode="numeric" autoComplete="off" w="3.5rem" value={entered[i.id]?.[k] ?? ''}
                        aria-label={t('paper.countLabel', { kind: t(`paper.${k}`), name: i.name })}
                        onChange={(e) => type(i.id, k, e.currentTarget.value)} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
        <Text size="xs" c="dimmed">{t('paper.blank')}</Text>

        <FileInput label={t('paper.minutes')} placeholder={t('paper.minutesPlaceholder')} accept="application/pdf" value={minutes}
          onChange={setMinutes} clearable clearButtonProps={{ 'aria-label': common('common.clear') }} data-testid="paper-minutes" />
        {meeting.paperBallot && !minutes && <Text size="sm">{t('paper.minutesAttached', { name: meeting.paperBallot.minutesName })}</Text>}
        {problem && <Alert color="red" variant="light" role="alert">{problem}</Alert>}
        <ErrorAlert error={check.error} />
        <Group>
          <Button onClick={review} loading={check.isPending} data-testid="paper-review">{t('paper.review')}</Button>
          <Button variant="default" onClick={onCancel}>{common('common.cancel')}</Button>
        </Group>
      </Stack>

      <AppModal opened={results !== null} onClose={() => setResults(null)} title={t('paper.confirmTitle')} size="lg">
        <Stack>
          <Text>{t('paper.confirmIntro', { present: present.size, total: meeting.members.length })}</Text>
          <ScrollTable minWidth={300} label={t('paper.confirmTitle')}>
            <Table withTableBorder horizontalSpacing="xs" data-testid="paper-outcomes">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('column.candidate')}</Table.Th>
                  <Table.Th>{t('column.result')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(results ?? []).map((r) => {
                  const item = items.find((i) => i.id === r.itemId)!;
                  const of = item.procedure.thresholdOf === 'members' ? r.base.members : r.base.present;
                  return (
                    <Table.Tr key={r.itemId}>
                      <Table.Td>
                        <Text size="sm" fw={600}>{item.name}</Text>
                        <Text size="xs">{KINDS.map((k) => `${t(`paper.${k}`)}: ${r.tally[k]}`).join(' · ')}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={r.outcome === 'passed' ? 'green' : 'red'} variant="light">{t(`outcome.${r.outcome}`)}</Badge>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{t('paper.share', { percent: r.percent.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN'), yes: r.tally.yes, of })}</Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          <ErrorAlert error={record.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setResults(null)}>{common('common.cancel')}</Button>
            <Button loading={record.isPending} data-testid="paper-save"
              onClick={() => record.mutate({ ...body(), minutes: minutes! }, { onSuccess: () => setResults(null) })}>
              {t('paper.save')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Card>
  );
}
