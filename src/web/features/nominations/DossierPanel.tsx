import { useState } from 'react';
import { Alert, Anchor, Badge, Button, FileButton, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatInstant } from '../../app/format.ts';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { documentUrl, draftUrl, useUploadDocument } from './api.ts';
import { nominationsTexts } from './text.ts';
import type { BatchDetail, BatchDocument, Candidate, DocumentKind } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { ActiveContentBadge } from '../../app/ActiveContentBadge.tsx';
import { appTexts } from '../../app/text.ts';

const DRAFTS: readonly DocumentKind[] = ['proposal_letter', 'minutes', 'achievement_report'];

interface Slot { kind: DocumentKind; candidate: Candidate | null }

/**
 * The dossier: each required document (for the batch, or for each candidate) with the files filed and
 * what is still missing; a PDF upload per slot while the unit prepares it, and the generated DOCX drafts.
 */
export function DossierPanel({ detail }: { detail: BatchDetail }) {
  const { t } = useTexts(nominationsTexts);
  const { t: common } = useTexts(appTexts);
  const { batch, documents, requiredDocuments, missingDocuments, candidates } = detail;
  const [notice, setNotice] = useState<string | null>(null);
  const [notPdf, setNotPdf] = useState(false);
  const upload = useUploadDocument(batch.id);

  const inDossier = candidates.filter((c) => c.status !== 'rejected' && c.status !== 'withdrawn');
  const slots: Slot[] = requiredDocuments.flatMap((r): Slot[] =>
    r.perCandidate ? inDossier.map((c) => ({ kind: r.kind, candidate: c })) : [{ kind: r.kind, candidate: null }]);
  const filesOf = (s: Slot) => documents.filter((d) => d.kind === s.kind && d.candidateId === (s.candidate?.id ?? null));
  const isMissing = (s: Slot) => missingDocuments.some((m) => m.kind === s.kind && m.candidateId === (s.candidate?.id ?? null));
  const others = documents.filter((d) => !slots.some((s) => s.kind === d.kind && (s.candidate?.id ?? null) === d.candidateId));
  const slotId = (s: Slot) => (s.candidate ? `${s.kind}-${s.candidate.name}` : s.kind);

  const send = (slot: Slot, file: File | null) => {
    setNotice(null);
    setNotPdf(false);
    if (!file) return;
    // the server refuses anything else (415); say so before sending megabytes
    if (file.type !== 'application/pdf' && !file.name.toLowerCase().endsWith('.pdf')) return setNotPdf(true);
    upload.mutate(
      { kind: slot.kind, candidateId: slot.candidate?.id ?? null, file },
      { onSuccess: () => setNotice(t('dossier.uploaded', { name: file.name })) },
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="batch-dossier">
      <Stack gap="sm">
        <Title order={2} size="h3" id="batch-dossier">
          {t('dossier.heading')}
        </Title>
        <Text size="sm" c={missingDocuments.length ? 'red.8' : undefined} fw={600} data-testid="dossier-missing-count">
          {missingDocuments.length ? t('dossier.missingCount', { count: missingDocuments.length }) : t('dossier.complete')}
        </Text>
        {notice && (
          <Alert color="green" variant="light" role="status" withCloseButton closeButtonLabel={common("common.close")} onClose={() => setNotice(null)}>
            {notice}
          </Alert>
        )}
        <ErrorAlert error={notPdf ? t('dossier.pdfOnly') : upload.error} />
        <ScrollTable minWidth={900} label={t('dossier.tableLabel')}>
          <Table aria-label={t('dossier.tableLabel')} data-testid="dossier-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dossier.document')}</Table.Th>
                <Table.Th>{t('dossier.forWhom')}</Table.Th>
                <Table.Th>{t('dossier.files')}</Table.Th>
                <Table.Th>{t('candidates.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {slots.map((s) => {
                const files = filesOf(s);
                const missing = isMissing(s);
                const kindName = t(`dossier.kinds.${s.kind}`);
                return (
                  <Table.Tr key={slotId(s)} data-testid={`dossier-slot-${slotId(s)}`} data-missing={missing || undefined}>
                    <Table.Td>
                      <Group gap="xs">
                        <Text size="sm" fw={600}>{kindName}</Text>
                        {missing ? (
                          <Badge color="red" variant="light">{t('dossier.missing')}</Badge>
                        ) : files.length > 0 ? (
                          <Badge color="green" variant="light">{t('dossier.present')}</Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>{s.candidate ? s.candidate.name : t('dossier.wholeBatch')}</Table.Td>
                    <Table.Td>
                      <FileList batchId={batch.id} files={files} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        {batch.editable && (
                          <FileButton onChange={(f) => send(s, f)} accept="application/pdf"
                            inputProps={{ 'aria-label': s.candidate ? t('dossier.uploadOfFor', { kind: kindName, name: s.candidate.name }) : t('dossier.uploadOf', { kind: kindName }), 'data-testid': `document-input-${slotId(s)}` } as never}>
                            {(props) => (
                              <Button {...props} size="compact-sm" variant="light" loading={upload.isPending && upload.variables?.kind === s.kind && upload.variables.candidateId === (s.candidate?.id ?? null)}
                                aria-label={s.candidate ? t('dossier.uploadOfFor', { kind: kindName, name: s.candidate.name }) : t('dossier.uploadOf', { kind: kindName })}
                                data-testid={`document-upload-${slotId(s)}`}>
                                {t('dossier.upload')}
                              </Button>
                            )}
                          </FileButton>
                        )}
                        {DRAFTS.includes(s.kind) && (
                          <Anchor size="sm" href={draftUrl(batch.id, s.kind as 'proposal_letter', s.candidate?.id)} download
                            aria-label={s.candidate ? t('dossier.draftOfFor', { kind: kindName, name: s.candidate.name }) : t('dossier.draftOf', { kind: kindName })}
                            data-testid={`document-draft-${slotId(s)}`}>
                            {t('dossier.draft')}
                          </Anchor>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
        {others.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>{t('dossier.other')}</Text>
            <FileList batchId={batch.id} files={others} withKind />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function FileList({ batchId, files, withKind }: { batchId: string; files: BatchDocument[]; withKind?: boolean }) {
  const { t } = useTexts(nominationsTexts);
  if (files.length === 0) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Stack gap={2}>
      {files.map((d) => (
        <Text key={d.id} size="sm">
          <Anchor href={documentUrl(batchId, d.id)} target="_blank" rel="noopener" data-testid="document-link">
            {d.name}
          </Anchor>{' '}
          <Text span size="xs" c="dimmed">
            ({withKind ? `${t(`dossier.kinds.${d.kind}`)}, ` : ''}{Math.max(1, Math.round(d.size / 1024))} KB, {formatInstant(d.uploadedAt)})
          </Text>{' '}
          <ActiveContentBadge activeContent={d.activeContent} />
        </Text>
      ))}
    </Stack>
  );
}
