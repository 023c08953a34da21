import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useAuth, type Role } from '../../../app/auth.tsx';
import { ErrorAlert } from '../../../app/ErrorAlert.tsx';
import { RequireRole } from '../../../app/RequireRole.tsx';
import { ScrollTable } from '../../../app/ScrollTable.tsx';
import { usePageTitle } from '../../../app/usePageTitle.ts';
import { useTexts } from '../../../i18n/texts.ts';
import {
  CheckButton, ImportCounts, ImportRefusal, ImportResultAlert, ImportStep, RowErrors, RunButton, SpreadsheetInput, TemplateButtons, useImportRun,
} from '../../imports/ImportSteps.tsx';
import { OrgSelect } from '../../organisations/OrgSelect.tsx';
import { historyTemplateUrl, uploadHistory, useMatch, useUnmatched, type HistoryImportResult, type UnmatchedGroup } from './api.ts';
import type { RowError } from '../../imports/upload.ts';
import { historyTexts } from './text.ts';

/** award.import in the server's policy */
export const HISTORY_IMPORTERS: Role[] = ['system_admin', 'standing_officer'];


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
  usePageTitle(t('title'));
  const { me } = useAuth();
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const client = useQueryClient();
  const imp = useImportRun(
    (dryRun, onProgress) => uploadHistory(file!, { dryRun, organisationId, csrfToken: me.csrfToken }, onProgress),
    // the archive, statistics and the unmatched list read what was just written
    { written: () => client.invalidateQueries({ queryKey: ['archive'] }) },
  );
  const { phase, reset, busy } = imp;

  return (
    <Stack maw={1000} mb="xl">
      <Title order={1}>{t('title')}</Title>
      <Text>{t('intro')}</Text>
      <ImportStep id="history-step1" title={t('step1')}>
        <TemplateButtons href={historyTemplateUrl} xlsx={t('templateXlsx')} csv={t('templateCsv')} hint={t('templateHint')} testId="history" />
      </ImportStep>

      <ImportStep id="history-step2" title={t('step2')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <OrgSelect label={t('unit')} description={t('unitHelp')} value={organisationId} clearable onChange={(id) => { setOrganisationId(id); reset(); }} />
          <SpreadsheetInput label={t('file')} placeholder={t('filePlaceholder')} accept=".xlsx,.csv" value={file} disabled={busy}
            onChange={(f) => { setFile(f); reset(); }} data-testid="history-file" />
        </SimpleGrid>
        <CheckButton imp={imp} ready={file !== null} label={t('check')} testId="history-check" />
        <ImportRefusal phase={phase} rows={(errors) => <Errors errors={errors} />} />
        {phase.step === 'checked' && (
          <Stack mt="sm" gap="xs">
            <Alert color="green" variant="light" title={t('checkedTitle')} role="status" data-testid="history-checked"><Summary result={phase.result} /></Alert>
            <UnmatchedRows result={phase.result} />
          </Stack>
        )}
      </ImportStep>

      <ImportStep id="history-step3" title={t('step3')}>
        <RunButton imp={imp} label={t('import')} testId="history-run" />
        <ImportResultAlert phase={phase} step="done" title={t('doneTitle')} testId="history-done">{(result) => <Summary result={result} />}</ImportResultAlert>
      </ImportStep>
    </Stack>
  );
}

function Summary({ result }: { result: HistoryImportResult }) {
  const { t } = useTexts(historyTexts);
  const keys = ['rows', 'created', 'existing', 'matchedPeople', 'matchedOrganisations', 'unmatched'] as const;
  return <ImportCounts testId="history" items={keys.map((key) => ({ key, label: t(key), value: result[key] }))} />;
}

function Errors({ errors }: { errors: RowError[] }) {
  const { t } = useTexts(historyTexts);
  const words = {
    title: t('errorsTitle', { count: errors.length }), hint: t('errorsHint'), caption: t('errorsCaption'),
    row: t('row'), column: t('column'), message: t('message'),
  };
  return <RowErrors errors={errors} words={words} testId="history-errors" />;
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
