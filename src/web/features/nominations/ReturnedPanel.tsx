import { useState } from 'react';
import { Alert, Badge, Button, FileButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { useUploadDocument } from './api.ts';
import { nominationsTexts } from './text.ts';
import type { BatchDetail, Candidate, DocumentKind } from './types.ts';
import { WithdrawButton } from './WithdrawButton.tsx';
import { useTexts } from '../../i18n/texts.ts';

/**
 * The candidates the receiving level returned for supplement, at the top of the page (issue 17): what was
 * asked, an upload slot for the document named (or for a supplementary document when none was), and the
 * way out — withdraw with a reason. Resubmitting is the batch's own step: to the head, who submits.
 */
export function ReturnedPanel({ detail }: { detail: BatchDetail }) {
  const { t } = useTexts(nominationsTexts);
  const { batch, candidates } = detail;
  const returned = candidates.filter((c) => c.status === 'returned');
  const upload = useUploadDocument(batch.id);
  const [notPdf, setNotPdf] = useState(false);
  if (returned.length === 0) return null;

  const send = (candidate: Candidate, kind: DocumentKind, file: File | null) => {
    setNotPdf(false);
    if (!file) return;
    if (file.type !== 'application/pdf' && !file.name.toLowerCase().endsWith('.pdf')) return setNotPdf(true);
    upload.mutate({ kind, candidateId: candidate.id, file });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="batch-returns" data-testid="returned-panel">
      <Stack gap="sm">
        <Title order={2} size="h3" id="batch-returns">{t('returns.heading')}</Title>
        {batch.editable && <Text size="sm">{t('returns.intro', { receiving: batch.receiving.name })}</Text>}
        <ErrorAlert error={notPdf ? t('dossier.pdfOnly') : upload.error} />
        {returned.map((c) => {
          const kind: DocumentKind = c.requestedDocument ?? 'other';
          const kindName = t(`dossier.kinds.${kind}`);
          const owed = detail.missingDocuments.some((m) => m.candidateId === c.id && m.kind === kind);
          const supplied = c.requestedDocument !== null && !owed;
          return (
            <Alert key={c.id} color="orange" variant="light" title={c.name} data-testid={`returned-${c.name}`}>
              <Stack gap="xs">
                <Text size="sm"><Text span fw={700}>{t('returns.asked')}:</Text> {c.note}</Text>
                {c.requestedDocument && (
                  <Group gap="xs">
                    <Text size="sm" fw={600}>{t('returns.document', { kind: kindName })}</Text>
                    {supplied
                      ? <Badge color="green" variant="light">{t('returns.supplied')}</Badge>
                      : <Badge color="red" variant="light">{t('dossier.missing')}</Badge>}
                  </Group>
                )}
                {batch.editable && (
                  <Group gap="xs">
                    <FileButton onChange={(f) => send(c, kind, f)} accept="application/pdf"
                      inputProps={{ 'aria-label': t('returns.uploadFor', { kind: kindName, name: c.name }), 'data-testid': `returned-input-${c.name}` } as never}>
                      {(props) => (
                        <Button {...props} size="compact-sm" loading={upload.isPending && upload.variables?.candidateId === c.id}
                          aria-label={t('returns.uploadFor', { kind: kindName, name: c.name })} data-testid={`returned-upload-${c.name}`}>
                          {t('dossier.uploadOf', { kind: kindName })}
                        </Button>
                      )}
                    </FileButton>
                    {c.actions.includes('withdraw') && <WithdrawButton batchId={batch.id} candidate={c} />}
                  </Group>
                )}
              </Stack>
            </Alert>
          );
        })}
      </Stack>
    </Paper>
  );
}
