import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { Loading } from '../../app/Loading.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useTexts } from '../../i18n/texts.ts';
import {
  CheckButton, ImportCounts, ImportRefusal, ImportResultAlert, ImportStep, RowErrors, RunButton, SpreadsheetInput, TemplateButtons, useImportRun,
} from '../imports/ImportSteps.tsx';
import { uploadSpreadsheet, type RowError } from '../imports/upload.ts';
import { candidateImportUrl, candidateTemplateUrl, useBatch, type CandidateImportResult } from './api.ts';
import { nominationsTexts } from './text.ts';
import { NOMINATION_READERS, type BatchDetail } from './types.ts';

const route = getRouteApi('/_app/de-nghi/$batchId/nhap-danh-sach');

/** /de-nghi/$batchId/nhap-danh-sach: the candidates of a draft batch from a spreadsheet (issue 17.7), in the three import steps. */
export function CandidateImportPage() {
  return (
    <RequireRole roles={[...NOMINATION_READERS]}>
      <ImportForBatch />
    </RequireRole>
  );
}

function ImportForBatch() {
  const { t } = useTexts(nominationsTexts);
  const { batchId } = route.useParams();
  const query = useBatch(batchId);
  usePageTitle(t('bulk.importTitle'));
  if (query.isPending) return <Loading />;
  const back = <AnchorLink to="/de-nghi/$batchId" params={{ batchId }} size="sm">{t('bulk.back')}</AnchorLink>;
  if (query.error || !query.data) return <Stack>{back}<ErrorAlert error={query.error ?? t('detail.notFound')} /></Stack>;
  return <ImportSteps detail={query.data} back={back} />;
}

function ImportSteps({ detail, back }: { detail: BatchDetail; back: React.ReactNode }) {
  const { t } = useTexts(nominationsTexts);
  const { me } = useAuth();
  const { batch } = detail;
  const [file, setFile] = useState<File | null>(null);
  const client = useQueryClient();
  const imp = useImportRun<CandidateImportResult>(
    (dryRun, onProgress) => uploadSpreadsheet({ url: candidateImportUrl(batch.id, dryRun, file!.name), file: file!, csrfToken: me.csrfToken }, onProgress),
    { written: () => client.invalidateQueries({ queryKey: ['nominations'] }) },
  );
  const { phase, reset, busy } = imp;
  return (
    <Stack maw={1000} mb="xl" data-testid="candidate-import-page">
      {back}
      <Title order={1}>{t('bulk.importTitle')}</Title>
      <Text>{t('bulk.importIntro', { title: batch.title, unit: batch.organisation.name })}</Text>
      {!batch.editable && <Alert color="yellow" variant="light">{t('bulk.notEditable')}</Alert>}
      <ImportStep id="candidates-step1" title={t('bulk.step1')}>
        <TemplateButtons href={candidateTemplateUrl} xlsx={t('bulk.templateXlsx')} csv={t('bulk.templateCsv')} hint={t('bulk.templateHint')} testId="candidates" />
      </ImportStep>
      <ImportStep id="candidates-step2" title={t('bulk.step2')}>
        <SpreadsheetInput label={t('bulk.file')} placeholder={t('bulk.filePlaceholder')} value={file} disabled={busy || !batch.editable}
          onChange={(f) => { setFile(f); reset(); }} data-testid="candidates-file" maw={480} />
        <CheckButton imp={imp} ready={file !== null && batch.editable} label={t('bulk.check')} testId="candidates-check" />
        <ImportRefusal phase={phase} rows={(errors) => <Errors errors={errors} />} />
        <ImportResultAlert phase={phase} step="checked" title={t('bulk.checkedTitle')} testId="candidates-checked">
          {(result) => <Summary result={result} />}
        </ImportResultAlert>
        {phase.step === 'checked' && <Names result={phase.result} />}
      </ImportStep>
      <ImportStep id="candidates-step3" title={t('bulk.step3')}>
        <RunButton imp={imp} label={t('bulk.run')} testId="candidates-run" />
        <ImportResultAlert phase={phase} step="done" title={t('bulk.doneTitle')} testId="candidates-done">
          {(result) => (
            <Stack gap="xs">
              <Summary result={result} />
              <AnchorLink to="/de-nghi/$batchId" params={{ batchId: batch.id }}>{t('bulk.back')}</AnchorLink>
            </Stack>
          )}
        </ImportResultAlert>
      </ImportStep>
    </Stack>
  );
}

function Summary({ result }: { result: CandidateImportResult }) {
  const { t } = useTexts(nominationsTexts);
  const keys = ['rows', 'individuals', 'collectives', 'notEligible'] as const;
  return <ImportCounts testId="candidates" items={keys.map((key) => ({ key, label: t(`bulk.${key}`), value: result[key] }))} />;
}

function Names({ result }: { result: CandidateImportResult }) {
  const { t } = useTexts(nominationsTexts);
  return (
    <ScrollTable minWidth={420} label={t('bulk.namesCaption')}>
      <Table striped aria-label={t('bulk.namesCaption')} mt="sm" data-testid="candidates-checked-rows">
        <Table.Thead>
          <Table.Tr><Table.Th scope="col" w={80}>{t('bulk.row')}</Table.Th><Table.Th scope="col">{t('candidates.name')}</Table.Th><Table.Th scope="col">{t('candidates.eligibility')}</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.candidates.map((c) => (
            <Table.Tr key={c.row}><Table.Td>{c.row}</Table.Td><Table.Td>{c.name}</Table.Td><Table.Td>{t(`eligibility.${c.eligibility}`)}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function Errors({ errors }: { errors: RowError[] }) {
  const { t } = useTexts(nominationsTexts);
  const words = {
    title: t('bulk.errorsTitle', { count: errors.length }), hint: t('bulk.errorsHint'), caption: t('bulk.errorsCaption'),
    row: t('bulk.row'), column: t('bulk.column'), message: t('bulk.message'),
  };
  return <RowErrors errors={errors} words={words} testId="candidates-errors" />;
}
