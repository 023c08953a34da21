import { useState } from 'react';
import { Alert, Button, FileInput, Group, Paper, Progress, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useAuth, type Role } from '../../app/auth.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { appTexts } from '../../app/text.ts';
import { useTexts } from '../../i18n/texts.ts';
import { ErrorTable, Summary, useFailureMessage } from '../records/ImportPage.tsx';
import { rowErrorsOf, uploadSpreadsheet, type RowError } from '../records/upload.ts';
import { onboardingTexts } from './text.ts';

const KINDS = ['units', 'people', 'accounts'] as const;
type Kind = (typeof KINDS)[number];
/** Who may run each import (the server's policy: organisation.write, person.write, user.manage). */
const MAY: Record<Kind, Role[]> = {
  units: ['system_admin', 'standing_officer'], people: ['system_admin', 'standing_officer', 'unit_officer'], accounts: ['system_admin'],
};

interface Result {
  kind: Kind; rows: number; created: number; updated: number; unchanged: number; dryRun: boolean;
  people?: { created: number; updated: number }; mailed?: string[]; links?: { username: string; url: string }[];
}
type Phase =
  | { step: 'idle' }
  | { step: 'uploading'; dryRun: boolean; progress: number }
  | { step: 'errors'; errors: RowError[] }
  | { step: 'failed'; error: unknown }
  | { step: 'checked'; result: Result }
  | { step: 'done'; result: Result };

export function OnboardingPage() {
  return (
    <RequireRole roles={['system_admin', 'standing_officer']}>
      <Onboarding />
    </RequireRole>
  );
}

function Onboarding() {
  const { t } = useTexts(onboardingTexts);
  const { t: common } = useTexts(appTexts);
  usePageTitle(t('title'));
  const { me, hasRole } = useAuth();
  const queryClient = useQueryClient();
  const failure = useFailureMessage();
  const kinds = KINDS.filter((k) => hasRole(...MAY[k]));
  const [kind, setKind] = useState<Kind>(kinds[0] ?? 'units');
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setPhase({ step: 'uploading', dryRun, progress: 0 });
    try {
      const query = new URLSearchParams({ dryRun: String(dryRun), fileName: file.name });
      const result = await uploadSpreadsheet<Result>({ url: `/api/onboarding/${kind}/import?${query}`, file, csrfToken: me.csrfToken },
        (progress) => setPhase({ step: 'uploading', dryRun, progress }));
      if (!dryRun) await queryClient.invalidateQueries();
      setPhase({ step: dryRun ? 'checked' : 'done', result });
    } catch (error) {
      const errors = rowErrorsOf(error);
      setPhase(errors.length > 0 ? { step: 'errors', errors } : { step: 'failed', error: failure(error) });
    }
  };
  const choose = (k: Kind) => { setKind(k); setFile(null); setPhase({ step: 'idle' }); };
  const busy = phase.step === 'uploading';
  const template = (format: 'xlsx' | 'csv') => `/api/onboarding/template?kind=${kind}&format=${format}`;

  return (
    <Stack maw={960}>
      <Title order={1}>{t('title')}</Title>
      <Text>{t('intro')}</Text>
      <SegmentedControl value={kind} onChange={(v) => choose(v as Kind)} disabled={busy} aria-label={t('kind')}
        data={kinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} data-testid="onboarding-kind" />
      <Text size="sm">{t(`hints.${kind}`)}</Text>

      <Paper withBorder p="md" component="section" aria-labelledby="onboarding-step1">
        <Title order={2} size="h4" id="onboarding-step1" mb="sm">{t('step1')}</Title>
        <Group gap="xs">
          <Button component="a" href={template('xlsx')} download variant="light" data-testid="onboarding-template-xlsx">{t('templateXlsx')}</Button>
          <Button component="a" href={template('csv')} download variant="default">{t('templateCsv')}</Button>
        </Group>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="onboarding-step2">
        <Title order={2} size="h4" id="onboarding-step2" mb="sm">{t('step2')}</Title>
        <FileInput label={t('file')} placeholder={t('filePlaceholder')} value={file}
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          onChange={(f) => { setFile(f); setPhase({ step: 'idle' }); }} clearable clearButtonProps={{ 'aria-label': common('common.clear') }}
          disabled={busy} data-testid="import-file" />
        <Group mt="sm">
          <Button onClick={() => void run(true)} disabled={!file || busy} loading={busy && phase.dryRun} data-testid="import-check">{t('check')}</Button>
        </Group>
        {phase.step === 'uploading' && <Progress mt="sm" value={Math.round(phase.progress * 100)} animated={phase.progress >= 1} />}
        {phase.step === 'failed' && <ErrorAlert error={phase.error} />}
        {phase.step === 'errors' && <ErrorTable errors={phase.errors} />}
        {phase.step === 'checked' && (
          <Alert color="green" variant="light" title={t('checkedTitle')} mt="sm" role="status" data-testid="import-checked">
            <Outcome result={phase.result} />
          </Alert>
        )}
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="onboarding-step3">
        <Title order={2} size="h4" id="onboarding-step3" mb="sm">{t('step3')}</Title>
        <Group>
          <Button color="green" onClick={() => void run(false)} disabled={phase.step !== 'checked'} loading={busy && !phase.dryRun} data-testid="import-run">
            {t('import')}
          </Button>
          {phase.step === 'done' && <Button variant="default" onClick={() => choose(kind)}>{t('again')}</Button>}
        </Group>
        {phase.step === 'done' && (
          <Alert color="green" variant="light" title={t('doneTitle')} mt="sm" role="status" data-testid="import-done">
            <Outcome result={phase.result} />
          </Alert>
        )}
      </Paper>
    </Stack>
  );
}

function Outcome({ result }: { result: Result }) {
  const { t } = useTexts(onboardingTexts);
  const mailed = result.mailed ?? [];
  return (
    <Stack gap="xs">
      <Summary result={result} />
      {result.people && <Text size="sm">{t('people', result.people)}</Text>}
      {mailed.length > 0 && <Text size="sm">{t(result.dryRun ? 'mailedDry' : 'mailed', { names: mailed.join(', ') })}</Text>}
      {result.links && result.links.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>{t('linksTitle')}</Text>
          <Table aria-label={t('linksTitle')}>
            <Table.Thead><Table.Tr><Table.Th>{t('username')}</Table.Th><Table.Th>{t('link')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {result.links.map((l) => (
                <Table.Tr key={l.username}><Table.Td>{l.username}</Table.Td><Table.Td style={{ wordBreak: 'break-all' }}>{l.url}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
