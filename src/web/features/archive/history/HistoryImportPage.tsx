import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Checkbox, FileInput, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { ApiError } from '../../../app/api.ts';
import { useAuth, type Role } from '../../../app/auth.tsx';
import { ErrorAlert } from '../../../app/ErrorAlert.tsx';
import { RequireRole } from '../../../app/RequireRole.tsx';
import { ScrollTable } from '../../../app/ScrollTable.tsx';
import { usePageTitle } from '../../../app/usePageTitle.ts';
import { useTexts } from '../../../i18n/texts.ts';
import { appTexts } from '../../../app/text.ts';
import { OrgSelect } from '../../organisations/OrgSelect.tsx';
import { historyTemplateUrl, uploadHistory, useMatch, useUnmatched, type HistoryImportResult, type UnmatchedGroup } from './api.ts';
import { historyTexts } from './text.ts';

/** award.import in the server's policy */
export const HISTORY_IMPORTERS: Role[] = ['system_admin', 'standing_officer'];

interface RowError { row: number; column: string; message: string }
type Phase =
  | { step: 'idle' }
  | { step: 'busy'; dryRun: boolean }
  | { step: 'errors'; errors: RowError[] }
  | { step: 'failed'; error: unknown }
  | { step: 'checked'; result: HistoryImportResult }
  | { step: 'done'; result: HistoryImportResult };

export function HistoryImportPage() {
  return (
    <RequireRole roles={HISTORY_IMPORTERS}>
      <HistoryImport />
      <MatchLater />
    </RequireRole>
  );
}

function HistoryImport() {
  const { t } = useTexts(historyTexts);
  const { t: common } = useTexts(appTexts);
  usePageTitle(t('title'));
  const { me } = useAuth();
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const client = useQueryClient();

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setPhase({ step: 'busy', dryRun });
    try {
      const result = await uploadHistory(file, { dryRun, organisationId, csrfToken: me.csrfToken });
      setPhase({ step: dryRun ? 'checked' : 'done', result });
      // the archive, statistics and the unmatched list read what was just written
      if (!dryRun) await client.invalidateQueries({ queryKey: ['archive'] });
    } catch (error) {
      const errors = error instanceof ApiError && error.status === 422 ? (error.details as { errors?: RowError[] } | undefined)?.errors ?? [] : [];
      setPhase(errors.length > 0 ? { step: 'errors', errors } : { step: 'failed', error });
    }
  };
  const busy = phase.step === 'busy';

  return (
    <Stack maw={1000} mb="xl">
      <Title order={1}>{t('title')}</Title>
      <Text>{t('intro')}</Text>
      <Paper withBorder p="md" component="section" aria-labelledby="history-step1">
        <Title order={2} size="h4" id="history-step1" mb="sm">{t('step1')}</Title>
        <Group gap="xs">
          <Button component="a" href={historyTemplateUrl('xlsx')} download variant="light" data-testid="history-template-xlsx">{t('templateXlsx')}</Button>
          <Button component="a" href={historyTemplateUrl('csv')} download variant="default" data-testid="history-template-csv">{t('templateCsv')}</Button>
        </Group>
        <Text size="sm" c="dimmed" mt="xs">{t('templateHint')}</Text>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="history-step2">
        <Title order={2} size="h4" id="history-step2" mb="sm">{t('step2')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <OrgSelect label={t('unit')} description={t('unitHelp')} value={organisationId} clearable onChange={(id) => { setOrganisationId(id); setPhase({ step: 'idle' }); }} />
          <FileInput label={t('file')} placeholder={t('filePlaceholder')} accept=".xlsx,.csv" value={file} clearable clearButtonProps={{ 'aria-label': common('common.clear') }} disabled={busy}
            onChange={(f) => { setFile(f); setPhase({ step: 'idle' }); }} data-testid="history-file" />
        </SimpleGrid>
        <Group mt="sm">
          <Button onClick={() => void run(true)} disabled={!file || busy} loading={busy && phase.dryRun} data-testid="history-check">{t('check')}</Button>
        </Group>
        {phase.step === 'failed' && <ErrorAlert error={phase.error} />}
        {phase.step === 'errors' && <Errors errors={phase.errors} />}
        {phase.step === 'checked' && (
          <Stack mt="sm" gap="xs">
            <Alert color="green" variant="light" title={t('checkedTitle')} role="status" data-testid="history-checked"><Summary result={phase.result} /></Alert>
            <UnmatchedRows result={phase.result} />
          </Stack>
        )}
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="history-step3">
        <Title order={2} size="h4" id="history-step3" mb="sm">{t('step3')}</Title>
        <Button color="green" onClick={() => void run(false)} disabled={phase.step !== 'checked'} loading={busy && !phase.dryRun} data-testid="history-run">
          {t('import')}
        </Button>
        {phase.step === 'done' && (
          <Alert color="green" variant="light" title={t('doneTitle')} mt="sm" role="status" data-testid="history-done"><Summary result={phase.result} /></Alert>
        )}
      </Paper>
    </Stack>
  );
}

function Summary({ result }: { result: HistoryImportResult }) {
  const { t } = useTexts(historyTexts);
  const items = (['rows', 'created', 'existing', 'matchedPeople', 'matchedOrganisations', 'unmatched'] as const).map((key) => ({ key, value: result[key] }));
  return (
    <Group gap="xl" component="dl" m={0}>
      {items.map((i) => (
        <div key={i.key}>
          <Text component="dt" size="sm">{t(i.key)}</Text>
          <Text component="dd" m={0} fw={700} size="lg" data-testid={`history-${i.key}`}>{i.value}</Text>
        </div>
      ))}
    </Group>
  );
}

function Errors({ errors }: { errors: RowError[] }) {
  const { t } = useTexts(historyTexts);
  return (
    <Stack gap="xs" mt="sm" data-testid="history-errors">
      <Alert color="red" variant="light" title={t('errorsTitle', { count: errors.length })} role="alert">{t('errorsHint')}</Alert>
      <ScrollTable minWidth={520} label={t('errorsCaption')}>
        <Table striped aria-label={t('errorsCaption')}>
          <Table.Thead><Table.Tr><Table.Th w={80}>{t('row')}</Table.Th><Table.Th>{t('column')}</Table.Th><Table.Th>{t('message')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {errors.map((e, i) => <Table.Tr key={i}><Table.Td>{e.row}</Table.Td><Table.Td>{e.column}</Table.Td><Table.Td>{e.message}</Table.Td></Table.Tr>)}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}

function UnmatchedRows({ result }: { result: HistoryImportResult }) {
  const { t } = useTexts(historyTexts);
  if (result.unmatchedRows.length === 0) return null;
  return (
    <ScrollTable minWidth={600} label={t('unmatchedCaption')}>
      <Table striped aria-label={t('unmatchedCaption')} data-testid="history-unmatched-rows">
        <Table.Thead><Table.Tr><Table.Th w={80}>{t('row')}</Table.Th><Table.Th>{t('name')}</Table.Th><Table.Th>{t('unitWritten')}</Table.Th><Table.Th>{t('reason')}</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {result.unmatchedRows.map((r) => (
            <Table.Tr key={r.row}><Table.Td>{r.row}</Table.Td><Table.Td>{r.name}</Table.Td><Table.Td>{r.unit || '—'}</Table.Td><Table.Td>{t(`reasons.${r.reason}`)}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** The awards kept as written, one card per recipient as written, with the likely people to choose from. */
function MatchLater() {
  const { t } = useTexts(historyTexts);
  const [q, setQ] = useState('');
  const [sameWritten, setSameWritten] = useState(true);
  const list = useUnmatched(q);
  const match = useMatch();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="history-match" maw={1000} data-testid="history-match-later">
      <Title order={2} size="h4" id="history-match" mb="xs">{t('matchTitle')}</Title>
      <Text size="sm" mb="sm">{t('matchIntro')}</Text>
      <Group align="flex-end" mb="sm">
        <TextInput type="search" label={t('search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} data-testid="history-match-search" />
        <Checkbox label={t('sameWritten')} checked={sameWritten} onChange={(e) => setSameWritten(e.currentTarget.checked)} />
      </Group>
      <ErrorAlert error={list.error ?? match.error} />
      {match.data && <Alert color="green" variant="light" mb="sm" role="status" data-testid="history-matched">{t('matched', { count: match.data.matched })}</Alert>}
      {list.data && <Text size="sm" c="dimmed" mb="xs">{t('matchTotal', { count: list.data.total })}</Text>}
      {list.data?.groups.length === 0 && <Text c="dimmed">{t('none')}</Text>}
      <Stack gap="sm">
        {list.data?.groups.map((g) => (
          <Group key={`${g.kind}|${g.name}|${g.unit}`} justify="space-between" align="flex-start" wrap="wrap" p="sm"
            style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }} data-testid="history-group">
            <Stack gap={2} maw={480}>
              <Group gap={6}><Text fw={600}>{g.name}</Text><Badge size="xs" variant="light">{t(`kinds.${g.kind}`)}</Badge></Group>
              <Text size="sm" c="dimmed">{g.unit || '—'}{g.birthYear ? ` · ${t('born', { year: g.birthYear })}` : ''}</Text>
              <Text size="sm">{g.awards.map((a) => `${a.form} ${a.year} (${a.number})`).join('; ')}</Text>
            </Stack>
            <GroupMatch group={g} onMatch={(target) => match.mutate({ awardId: g.awardId, sameWritten, ...target })} busy={match.isPending} />
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

function GroupMatch({ group, onMatch, busy }: { group: UnmatchedGroup; onMatch: (target: { personId: string } | { organisationId: string }) => void; busy: boolean }) {
  const { t } = useTexts(historyTexts);
  const [unit, setUnit] = useState<string | null>(null);
  if (group.kind === 'collective') {
    return (
      <Stack gap={4} miw={280}>
        <OrgSelect label={t('chooseUnit')} value={unit} onChange={setUnit} clearable />
        <Button size="xs" disabled={!unit || busy} onClick={() => unit && onMatch({ organisationId: unit })}>{t('matchUnit')}</Button>
      </Stack>
    );
  }
  return (
    <Stack gap={4} miw={280}>
      <Text size="sm" fw={500}>{t('candidates')}</Text>
      {group.candidates.length === 0 && <Text size="sm" c="dimmed">{t('noCandidate')}</Text>}
      {group.candidates.map((c) => (
        <Button key={c.id} size="xs" variant="light" disabled={busy} onClick={() => onMatch({ personId: c.id })} data-testid="history-candidate">
          {t('matchTo', { name: `${c.fullName}${c.birthYear ? ` (${c.birthYear})` : ''} — ${c.units.join(', ')}` })}
        </Button>
      ))}
    </Stack>
  );
}
