import { useState } from 'react';
import { Alert, Button, FileInput, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { ApiError } from '../../app/api.ts';
import { AppSelect } from '../../app/AppSelect.tsx';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useInvalidateRecords } from './api.ts';
import { RECORD_KINDS, RECORD_WRITERS, type RecordKind } from './types.ts';
import { rowErrorsOf, uploadImport, type ImportResult, type RowError } from './upload.ts';
import { recordsTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

type Phase =
  | { step: 'idle' }
  | { step: 'uploading'; dryRun: boolean; progress: number }
  | { step: 'errors'; errors: RowError[] }
  | { step: 'failed'; error: unknown }
  | { step: 'checked'; result: ImportResult }
  | { step: 'done'; result: ImportResult };

export function ImportPage() {
  return (
    <RequireRole roles={RECORD_WRITERS}>
      <ImportWizard />
    </RequireRole>
  );
}

/** A readable message for what the server refuses before reading the rows (size, type, unreadable file). */
export function useFailureMessage() {
  const { t } = useTexts(recordsTexts);
  return (error: unknown): unknown => {
    if (!(error instanceof ApiError)) return error;
    if (error.status === 413) return new Error(t('recordImport.tooLarge'));
    if (error.status === 415) return new Error(t('recordImport.notSpreadsheet'));
    if (error.status === 400) return new Error(t('recordImport.badRequest', { message: error.message }));
    return error;
  };
}

function ImportWizard() {
  const { t } = useTexts(recordsTexts);
  const { t: common } = useTexts(appTexts);
  usePageTitle(t('recordImport.title'));
  const { me } = useAuth();
  const invalidate = useInvalidateRecords();
  const failure = useFailureMessage();
  const [kind, setKind] = useState<RecordKind>('ratings');
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setPhase({ step: 'uploading', dryRun, progress: 0 });
    try {
      const result = await uploadImport({ kind, file, dryRun, csrfToken: me.csrfToken },
        (progress) => setPhase({ step: 'uploading', dryRun, progress }));
      if (!dryRun) await invalidate();
      setPhase({ step: dryRun ? 'checked' : 'done', result });
    } catch (error) {
      const errors = rowErrorsOf(error);
      setPhase(errors.length > 0 ? { step: 'errors', errors } : { step: 'failed', error: failure(error) });
    }
  };
  const reset = () => {
    setFile(null);
    setPhase({ step: 'idle' });
  };
  const busy = phase.step === 'uploading';
  const template = (format: 'xlsx' | 'csv') => `/api/records/import/template?kind=${kind}&format=${format}`;

  return (
    <Stack maw={900}>
      <Title order={1}>{t('recordImport.title')}</Title>
      <Text>{t('recordImport.intro')}</Text>

      <Paper withBorder p="md" component="section" aria-labelledby="import-step1">
        <Title order={2} size="h4" id="import-step1" mb="sm">{t('recordImport.step1')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <AppSelect label={t('recordImport.kind')} allowDeselect={false} value={kind} disabled={busy}
            data={RECORD_KINDS.map((k) => ({ value: k, label: t(`records.kinds.${k}`) }))}
            onChange={(v) => { if (v) { setKind(v as RecordKind); setPhase({ step: 'idle' }); } }}
            data-testid="import-kind" />
        </SimpleGrid>
        <Group mt="sm" gap="xs">
          <Button component="a" href={template('xlsx')} download variant="light" data-testid="import-template-xlsx">
            {t('recordImport.templateXlsx')}
          </Button>
          <Button component="a" href={template('csv')} download variant="default" data-testid="import-template-csv">
            {t('recordImport.templateCsv')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed" mt="xs">{t('recordImport.templateHint')}</Text>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="import-step2">
        <Title order={2} size="h4" id="import-step2" mb="sm">{t('recordImport.step2')}</Title>
        <FileInput
          label={t('recordImport.file')}
          placeholder={t('recordImport.filePlaceholder')}
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          value={file}
          onChange={(f) => { setFile(f); setPhase({ step: 'idle' }); }}
          clearable
          clearButtonProps={{ 'aria-label': common('common.clear') }}
          disabled={busy}
          data-testid="import-file"
        />
        <Group mt="sm">
          <Button onClick={() => void run(true)} disabled={!file || busy} loading={busy && phase.dryRun} data-testid="import-check">
            {t('recordImport.check')}
          </Button>
        </Group>
        {phase.step === 'uploading' && (
          <Stack gap={4} mt="sm" role="status">
            <Progress value={Math.round(phase.progress * 100)} aria-label={t('recordImport.progressLabel')} animated={phase.progress >= 1} />
            <Text size="sm">
              {phase.progress < 1 ? t('recordImport.uploading', { percent: Math.round(phase.progress * 100) }) : t('recordImport.processing')}
            </Text>
          </Stack>
        )}
        {phase.step === 'failed' && <ErrorAlert error={phase.error} />}
        {phase.step === 'errors' && <ErrorTable errors={phase.errors} />}
        {phase.step === 'checked' && (
          <Alert color="green" variant="light" title={t('recordImport.checkedTitle')} mt="sm" role="status" data-testid="import-checked">
            <Summary result={phase.result} />
          </Alert>
        )}
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="import-step3">
        <Title order={2} size="h4" id="import-step3" mb="sm">{t('recordImport.step3')}</Title>
        <Group>
          <Button color="green" onClick={() => void run(false)} disabled={phase.step !== 'checked'} loading={busy && !phase.dryRun}
            data-testid="import-run">
            {t('recordImport.import')}
          </Button>
          {phase.step === 'done' && <Button variant="default" onClick={reset}>{t('recordImport.again')}</Button>}
        </Group>
        {phase.step === 'done' && (
          <Alert color="green" variant="filled" title={t('recordImport.doneTitle')} mt="sm" role="status" data-testid="import-done">
            <Summary result={phase.result} />
          </Alert>
        )}
      </Paper>
    </Stack>
  );
}

export function Summary({ result }: { result: Pick<ImportResult, 'rows' | 'created' | 'updated' | 'unchanged'> }) {
  const { t } = useTexts(recordsTexts);
  const items = [
    { key: 'rows', label: t('recordImport.rows'), value: result.rows },
    { key: 'created', label: t('recordImport.created'), value: result.created },
    { key: 'updated', label: t('recordImport.updated'), value: result.updated },
    { key: 'unchanged', label: t('recordImport.unchanged'), value: result.unchanged },
  ];
  return (
    <Group gap="xl" component="dl" m={0}>
      {items.map((i) => (
        <div key={i.key}>
          <Text component="dt" size="sm">{i.label}</Text>
          <Text component="dd" m={0} fw={700} size="lg" data-testid={`import-${i.key}`}>{i.value}</Text>
        </div>
      ))}
    </Group>
  );
}

export function ErrorTable({ errors }: { errors: RowError[] }) {
  const { t } = useTexts(recordsTexts);
  return (
    <Stack gap="xs" mt="sm" data-testid="import-errors">
      <Alert color="red" variant="light" title={t('recordImport.errorsTitle', { count: errors.length })} role="alert">
        {t('recordImport.errorsHint')}
      </Alert>
      <ScrollTable minWidth={520} label={t('recordImport.errorsCaption')}>
        <Table striped aria-label={t('recordImport.errorsCaption')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={80}>{t('recordImport.row')}</Table.Th>
              <Table.Th scope="col">{t('recordImport.column')}</Table.Th>
              <Table.Th scope="col">{t('recordImport.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((e, i) => (
              <Table.Tr key={i}>
                <Table.Td>{e.row}</Table.Td>
                <Table.Td>{e.column}</Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
