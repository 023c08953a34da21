import { useState } from 'react';
import { Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useAuth, type Role } from '../../app/auth.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useTexts } from '../../i18n/texts.ts';
import {
  CheckButton, ImportRefusal, ImportResultAlert, ImportStep, RunButton, SpreadsheetInput, TemplateButtons, UploadProgress, useImportRun,
} from '../imports/ImportSteps.tsx';
import { uploadSpreadsheet } from '../imports/upload.ts';
import { ErrorTable, Summary, useFailureMessage } from '../records/ImportPage.tsx';
import { onboardingTexts } from './text.ts';

const KINDS = ['units', 'people', 'accounts', 'councils', 'clusters', 'residents', 'households'] as const;
type Kind = (typeof KINDS)[number];
/** Who may run each import (the server's policy: organisation.write, person.write, user.manage). */
const MAY: Record<Kind, Role[]> = {
  units: ['system_admin', 'standing_officer'], people: ['system_admin', 'standing_officer', 'unit_officer'], accounts: ['system_admin'],
  // council.manage, cluster.manage
  councils: ['system_admin', 'standing_officer'], clusters: ['system_admin', 'standing_officer'],
  residents: ['system_admin', 'standing_officer', 'unit_officer'], households: ['system_admin', 'standing_officer', 'unit_officer'],
};
/** Residents and households have a template route of their own (issue 14.2). */
const OWN_TEMPLATE: readonly Kind[] = ['residents', 'households'];

interface Result {
  kind: Kind; rows: number; created: number; updated: number; unchanged: number; dryRun: boolean;
  people?: { created: number; updated: number }; mailed?: string[]; links?: { username: string; url: string }[];
  councils?: { created: number; updated: number }; clusters?: { created: number; updated: number };
}

export function OnboardingPage() {
  return (
    <RequireRole roles={['system_admin', 'standing_officer']}>
      <Onboarding />
    </RequireRole>
  );
}

function Onboarding() {
  const { t } = useTexts(onboardingTexts);
  usePageTitle(t('title'));
  const { me, hasRole } = useAuth();
  const queryClient = useQueryClient();
  const failure = useFailureMessage();
  const kinds = KINDS.filter((k) => hasRole(...MAY[k]));
  const [kind, setKind] = useState<Kind>(kinds[0] ?? 'units');
  const [file, setFile] = useState<File | null>(null);
  const imp = useImportRun((dryRun, onProgress) => {
    const query = new URLSearchParams({ dryRun: String(dryRun), fileName: file!.name });
    return uploadSpreadsheet<Result>({ url: `/api/onboarding/${kind}/import?${query}`, file: file!, csrfToken: me.csrfToken }, onProgress);
  }, { written: () => queryClient.invalidateQueries(), failure });
  const { phase, reset, busy } = imp;
  const choose = (k: Kind) => { setKind(k); setFile(null); reset(); };
  const template = (format: 'xlsx' | 'csv') => (OWN_TEMPLATE.includes(kind)
    ? `/api/onboarding/${kind}/template?format=${format}` : `/api/onboarding/template?kind=${kind}&format=${format}`);

  return (
    <Stack maw={960}>
      <Title order={1}>{t('title')}</Title>
      <Text>{t('intro')}</Text>
      <SegmentedControl value={kind} onChange={(v) => choose(v as Kind)} disabled={busy} aria-label={t('kind')}
        data={kinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} data-testid="onboarding-kind" />
      <Text size="sm">{t(`hints.${kind}`)}</Text>

      <ImportStep id="onboarding-step1" title={t('step1')}>
        <TemplateButtons href={template} xlsx={t('templateXlsx')} csv={t('templateCsv')} testId="onboarding" />
      </ImportStep>

      <ImportStep id="onboarding-step2" title={t('step2')}>
        <SpreadsheetInput label={t('file')} placeholder={t('filePlaceholder')} value={file}
          onChange={(f) => { setFile(f); reset(); }} disabled={busy} data-testid="import-file" />
        <CheckButton imp={imp} ready={file !== null} label={t('check')} testId="import-check" />
        {phase.step === 'uploading' && <UploadProgress progress={phase.progress} />}
        <ImportRefusal phase={phase} rows={(errors) => <ErrorTable errors={errors} />} />
        <ImportResultAlert phase={phase} step="checked" title={t('checkedTitle')} testId="import-checked">
          {(result) => <Outcome result={result} />}
        </ImportResultAlert>
      </ImportStep>

      <ImportStep id="onboarding-step3" title={t('step3')}>
        <Group>
          <RunButton imp={imp} label={t('import')} testId="import-run" />
          {phase.step === 'done' && <Button variant="default" onClick={() => choose(kind)}>{t('again')}</Button>}
        </Group>
        <ImportResultAlert phase={phase} step="done" title={t('doneTitle')} testId="import-done">
          {(result) => <Outcome result={result} />}
        </ImportResultAlert>
      </ImportStep>
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
      {result.councils && <Text size="sm" data-testid="import-councils">{t('councils', result.councils)}</Text>}
      {result.clusters && <Text size="sm" data-testid="import-clusters">{t('clusters', result.clusters)}</Text>}
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
