import { useState } from 'react';
import { Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ApiError } from '../../app/api.ts';
import { AppSelect } from '../../app/AppSelect.tsx';
import { useAuth } from '../../app/auth.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import {
  CheckButton, ImportCounts, ImportRefusal, ImportResultAlert, ImportStep, RowErrors, RunButton, SpreadsheetInput, TemplateButtons, UploadProgress,
  useImportRun, type RowErrorWords,
} from '../imports/ImportSteps.tsx';
import type { RowError, ServerProgress } from '../imports/upload.ts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useInvalidateRecords } from './api.ts';
import { RECORD_KINDS, RECORD_WRITERS, type RecordKind } from './types.ts';
import { uploadImport, type ImportResult } from './upload.ts';
import { recordsTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';

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
    // the server says which limit (the upload, the unpacked workbook, its cells); a proxy's bare 413 says nothing
    if (error.status === 413) return new Error(error.code.startsWith('import.') ? error.message : t('recordImport.tooLarge'));
    if (error.status === 422 && error.code === 'import.too_many_entries') return new Error(error.message);
    if (error.status === 415) return new Error(t('recordImport.notSpreadsheet'));
    if (error.status === 400) return new Error(t('recordImport.badRequest', { message: error.message }));
    return error;
  };
}

function ImportWizard() {
  const { t } = useTexts(recordsTexts);
  usePageTitle(t('recordImport.title'));
  const { me } = useAuth();
  const invalidate = useInvalidateRecords();
  const failure = useFailureMessage();
  const [kind, setKind] = useState<RecordKind>('ratings');
  const [file, setFile] = useState<File | null>(null);
  const [server, setServer] = useState<ServerProgress | null>(null);
  const limits = useQuery({ queryKey: ['records', 'import-limits'], queryFn: () => api.get<{ maxMegabytes: number; maxRows: number }>('/api/records/import/limits') });
  const imp = useImportRun(
    (dryRun, onProgress) => {
      setServer(null);
      return uploadImport({ kind, file: file!, dryRun, csrfToken: me.csrfToken }, onProgress, setServer);
    },
    { written: invalidate, failure },
  );
  const { phase, reset, busy } = imp;
  const again = () => {
    setFile(null);
    reset();
  };
  const template = (format: 'xlsx' | 'csv') => `/api/records/import/template?kind=${kind}&format=${format}`;

  return (
    <Stack maw={900}>
      <Title order={1}>{t('recordImport.title')}</Title>
      <Text>{t('recordImport.intro')}</Text>

      <ImportStep id="import-step1" title={t('recordImport.step1')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <AppSelect label={t('recordImport.kind')} allowDeselect={false} value={kind} disabled={busy}
            data={RECORD_KINDS.map((k) => ({ value: k, label: t(`records.kinds.${k}`) }))}
            onChange={(v) => { if (v) { setKind(v as RecordKind); reset(); } }}
            data-testid="import-kind" />
        </SimpleGrid>
        <TemplateButtons href={template} xlsx={t('recordImport.templateXlsx')} csv={t('recordImport.templateCsv')}
          hint={t('recordImport.templateHint')} testId="import" mt="sm" />
      </ImportStep>

      <ImportStep id="import-step2" title={t('recordImport.step2')}>
        <SpreadsheetInput
          label={t('recordImport.file')}
          placeholder={t('recordImport.filePlaceholder')}
          value={file}
          onChange={(f) => { setFile(f); reset(); }}
          disabled={busy}
          data-testid="import-file"
        />
        {limits.data && (
          <Text size="sm" c="dimmed" data-testid="import-limits">
            {t('recordImport.limits', { megabytes: limits.data.maxMegabytes.toLocaleString('vi-VN'), rows: limits.data.maxRows.toLocaleString('vi-VN') })}
          </Text>
        )}
        <CheckButton imp={imp} ready={file !== null} label={t('recordImport.check')} testId="import-check" />
        {phase.step === 'uploading' && (
          <UploadProgress progress={phase.progress} label={t('recordImport.progressLabel')}
            words={{ uploading: (percent) => t('recordImport.uploading', { percent }), processing: t('recordImport.processing') }} />
        )}
        {phase.step === 'uploading' && server && (
          <Text size="sm" data-testid="import-server-progress">
            {t('recordImport.serverProgress', { read: server.read.toLocaleString('vi-VN'), validated: server.validated.toLocaleString('vi-VN'),
              written: server.written.toLocaleString('vi-VN') })}
          </Text>
        )}
        <ImportRefusal phase={phase} rows={(errors) => <ErrorTable errors={errors} />} />
        <ImportResultAlert phase={phase} step="checked" title={t('recordImport.checkedTitle')} testId="import-checked">
          {(result) => <Summary result={result} />}
        </ImportResultAlert>
      </ImportStep>

      <ImportStep id="import-step3" title={t('recordImport.step3')}>
        <Group>
          <RunButton imp={imp} label={t('recordImport.import')} testId="import-run" />
          {phase.step === 'done' && <Button variant="default" onClick={again}>{t('recordImport.again')}</Button>}
        </Group>
        <ImportResultAlert phase={phase} step="done" title={t('recordImport.doneTitle')} testId="import-done" filled>
          {(result) => <Summary result={result} />}
        </ImportResultAlert>
      </ImportStep>
    </Stack>
  );
}

/** The counts of a records or onboarding import (rows, created, updated, unchanged). */
export function Summary({ result }: { result: Pick<ImportResult, 'rows' | 'created' | 'updated' | 'unchanged'> }) {
  const { t } = useTexts(recordsTexts);
  return (
    <ImportCounts testId="import" items={[
      { key: 'rows', label: t('recordImport.rows'), value: result.rows },
      { key: 'created', label: t('recordImport.created'), value: result.created },
      { key: 'updated', label: t('recordImport.updated'), value: result.updated },
      { key: 'unchanged', label: t('recordImport.unchanged'), value: result.unchanged },
    ]} />
  );
}

/** The bad rows of a records or onboarding file, in the records import's words. */
export function ErrorTable({ errors }: { errors: RowError[] }) {
  const { t } = useTexts(recordsTexts);
  const words: RowErrorWords = {
    title: t('recordImport.errorsTitle', { count: errors.length }), hint: t('recordImport.errorsHint'), caption: t('recordImport.errorsCaption'),
    row: t('recordImport.row'), column: t('recordImport.column'), message: t('recordImport.message'),
  };
  return <RowErrors errors={errors} words={words} testId="import-errors" />;
}
