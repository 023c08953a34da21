import { useState, type ReactNode } from 'react';
import { Alert, Button, FileInput, Group, Paper, Progress, Stack, Table, Text, Title, type FileInputProps } from '@mantine/core';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { appTexts } from '../../app/text.ts';
import { useTexts } from '../../i18n/texts.ts';
import { rowErrorsOf, type RowError } from './upload.ts';

/**
 * The steps every spreadsheet import page shares (records, onboarding, the award history): 1. the
 * template, 2. the file and its check (a dry run), 3. the import. Each page brings its own words,
 * test ids and what it shows of a result; the state, the upload and the error table are these.
 */
export type ImportPhase<T> =
  | { step: 'idle' }
  | { step: 'uploading'; dryRun: boolean; progress: number }
  | { step: 'errors'; errors: RowError[] }
  | { step: 'failed'; error: unknown }
  | { step: 'checked'; result: T }
  | { step: 'done'; result: T };

export interface ImportRunOptions {
  /** after a real import (not a dry run), before its result shows: invalidate what it changed */
  written?: () => Promise<unknown>;
  /** what to show for a refusal that is not a list of bad rows (size, type, unreadable file) */
  failure?: (error: unknown) => unknown;
}

/** Runs a check (dry run) or an import of the chosen file and follows it: progress, bad rows, result. */
export function useImportRun<T>(upload: (dryRun: boolean, onProgress: (fraction: number) => void) => Promise<T>, options: ImportRunOptions = {}) {
  const [phase, setPhase] = useState<ImportPhase<T>>({ step: 'idle' });
  const run = async (dryRun: boolean) => {
    setPhase({ step: 'uploading', dryRun, progress: 0 });
    try {
      const result = await upload(dryRun, (progress) => setPhase({ step: 'uploading', dryRun, progress }));
      if (!dryRun) await options.written?.();
      setPhase({ step: dryRun ? 'checked' : 'done', result });
    } catch (error) {
      const errors = rowErrorsOf(error);
      setPhase(errors.length > 0 ? { step: 'errors', errors } : { step: 'failed', error: options.failure ? options.failure(error) : error });
    }
  };
  const reset = () => setPhase({ step: 'idle' });
  return { phase, run, reset, busy: phase.step === 'uploading' };
}

export type ImportRun<T> = ReturnType<typeof useImportRun<T>>;

/** Step 2's button: check the chosen file (a dry run: every row checked and counted, nothing written). */
export function CheckButton({ imp, ready, label, testId }: { imp: ImportRun<unknown>; ready: boolean; label: string; testId: string }) {
  const { phase } = imp;
  return (
    <Group mt="sm">
      <Button onClick={() => void imp.run(true)} disabled={!ready || imp.busy} loading={phase.step === 'uploading' && phase.dryRun} data-testid={testId}>
        {label}
      </Button>
    </Group>
  );
}

/** Step 3's button: import the file that was checked. */
export function RunButton({ imp, label, testId }: { imp: ImportRun<unknown>; label: string; testId: string }) {
  const { phase } = imp;
  return (
    <Button color="green" onClick={() => void imp.run(false)} disabled={phase.step !== 'checked'} loading={phase.step === 'uploading' && !phase.dryRun}
      data-testid={testId}>
      {label}
    </Button>
  );
}

/** What the server refused: its message (size, type, headers), or the table of bad rows. */
export function ImportRefusal({ phase, rows }: { phase: ImportPhase<unknown>; rows: (errors: RowError[]) => ReactNode }) {
  if (phase.step === 'failed') return <ErrorAlert error={phase.error} />;
  if (phase.step === 'errors') return rows(phase.errors);
  return null;
}

/** The result of a check (step 'checked') or of the import (step 'done'), when the run is there. */
export function ImportResultAlert<T>({ phase, step, title, testId, filled, children }: {
  phase: ImportPhase<T>; step: 'checked' | 'done'; title: string; testId: string; filled?: boolean; children: (result: T) => ReactNode;
}) {
  if (phase.step !== step) return null;
  return (
    <Alert color="green" variant={filled ? 'filled' : 'light'} title={title} mt="sm" role="status" data-testid={testId}>
      {children(phase.result)}
    </Alert>
  );
}

/** One numbered step of the page: a bordered section named by its heading. */
export function ImportStep({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">{title}</Title>
      {children}
    </Paper>
  );
}

/** The template in both formats, and a hint under them; test ids `${testId}-template-xlsx` and `-csv`. */
export function TemplateButtons({ href, xlsx, csv, hint, testId, mt }: {
  href: (format: 'xlsx' | 'csv') => string; xlsx: string; csv: string; hint?: string; testId: string; mt?: string;
}) {
  return (
    <>
      <Group gap="xs" mt={mt}>
        <Button component="a" href={href('xlsx')} download variant="light" data-testid={`${testId}-template-xlsx`}>{xlsx}</Button>
        <Button component="a" href={href('csv')} download variant="default" data-testid={`${testId}-template-csv`}>{csv}</Button>
      </Group>
      {hint && <Text size="sm" c="dimmed" mt="xs">{hint}</Text>}
    </>
  );
}

export const SPREADSHEET_ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/** The file chooser for an .xlsx or .csv file (clearable). */
export function SpreadsheetInput(props: FileInputProps<false>) {
  const { t: common } = useTexts(appTexts);
  return <FileInput accept={SPREADSHEET_ACCEPT} clearable clearButtonProps={{ 'aria-label': common('common.clear') }} {...props} />;
}

/** The upload's progress; with words, what it is doing (sending, then the server reading the file). */
export function UploadProgress({ progress, label, words }: {
  progress: number; label?: string; words?: { uploading: (percent: number) => string; processing: string };
}) {
  const bar = <Progress mt={words ? undefined : 'sm'} value={Math.round(progress * 100)} aria-label={label} animated={progress >= 1} />;
  if (!words) return bar;
  return (
    <Stack gap={4} mt="sm" role="status">
      {bar}
      <Text size="sm">{progress < 1 ? words.uploading(Math.round(progress * 100)) : words.processing}</Text>
    </Stack>
  );
}

export interface RowErrorWords { title: string; hint: string; caption: string; row: string; column: string; message: string }

/** Every bad row of a refused file (nothing was written): row, column as written in the file, message. */
export function RowErrors({ errors, words, testId }: { errors: RowError[]; words: RowErrorWords; testId: string }) {
  return (
    <Stack gap="xs" mt="sm" data-testid={testId}>
      <Alert color="red" variant="light" title={words.title} role="alert">{words.hint}</Alert>
      <ScrollTable minWidth={520} label={words.caption}>
        <Table striped aria-label={words.caption}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={80}>{words.row}</Table.Th>
              <Table.Th scope="col">{words.column}</Table.Th>
              <Table.Th scope="col">{words.message}</Table.Th>
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

/** A result's counts as a list of terms; each figure has the test id `${testId}-${key}`. */
export function ImportCounts({ items, testId }: { items: { key: string; label: string; value: number }[]; testId: string }) {
  return (
    <Group gap="xl" component="dl" m={0}>
      {items.map((i) => (
        <div key={i.key}>
          <Text component="dt" size="sm">{i.label}</Text>
          <Text component="dd" m={0} fw={700} size="lg" data-testid={`${testId}-${i.key}`}>{i.value}</Text>
        </div>
      ))}
    </Group>
  );
}
