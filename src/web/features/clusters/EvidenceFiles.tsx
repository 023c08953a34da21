import { useState } from 'react';
import { Alert, Anchor, Button, FileButton, Group, List, Stack, Text } from '@mantine/core';
import { ConfirmButton } from '../../app/ConfirmButton.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { evidenceFileUrl, useAddEvidence, useRemoveEvidence } from './api.ts';
import { clustersTexts } from './text.ts';
import type { Sheet } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { ActiveContentBadge } from '../../app/ActiveContentBadge.tsx';
import { appTexts } from '../../app/text.ts';

const kb = (size: number) => `${Math.max(1, Math.round(size / 1024)).toLocaleString('vi-VN')} KB`;

/**
 * The signed PDFs a member attached to one row: links for whoever reads the sheet, and — while the member
 * scores itself — an upload and removal (the server checks the bytes again).
 */
export function EvidenceFiles({ sheet, organisationId, criterionId, criterionTitle, editable }: {
  sheet: Sheet; organisationId: string; criterionId: string; criterionTitle: string; editable: boolean;
}) {
  const { t } = useTexts(clustersTexts);
  const { t: common } = useTexts(appTexts);
  const add = useAddEvidence(sheet.id);
  const remove = useRemoveEvidence(sheet.id);
  const [notPdf, setNotPdf] = useState(false);
  const files = sheet.evidenceFiles.filter((f) => f.organisationId === organisationId && f.criterionId === criterionId);
  if (!editable && files.length === 0) return null;

  const send = (file: File | null) => {
    setNotPdf(false);
    if (!file) return;
    if (file.type && file.type !== 'application/pdf') return setNotPdf(true);
    add.mutate({ organisationId, criterionId, file });
  };

  return (
    <Stack gap={4} mt="xs">
      {files.length > 0 && (
        <List size="sm" spacing={2} aria-label={t('files.listLabel', { criterion: criterionTitle })}>
          {files.map((f) => (
            <List.Item key={f.id}>
              <Group gap="xs" wrap="nowrap">
                <Anchor href={evidenceFileUrl(sheet.id, f.id)} download size="sm">{f.name}</Anchor>
                <Text span size="xs" c="dimmed">{kb(f.size)}</Text>
                <ActiveContentBadge activeContent={f.activeContent} />
                {editable && (
                  <ConfirmButton size="compact-xs" variant="subtle" color="red" question={t('files.removeQuestion', { name: f.name })}
                    confirmLabel={t('files.remove')} label={t('files.removeLabel', { name: f.name })} onConfirm={() => remove.mutateAsync(f.id)}>
                    {common('common.delete')}
                  </ConfirmButton>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {editable && (
        <Group gap="xs">
          <FileButton onChange={send} accept="application/pdf"
            inputProps={{ 'aria-label': t('files.addLabel', { criterion: criterionTitle }), 'data-testid': `evidence-input-${criterionId}` } as never}>
            {(props) => <Button {...props} size="compact-sm" variant="light" loading={add.isPending}>{t('files.add')}</Button>}
          </FileButton>
          <Text size="xs" c="dimmed">{t('files.hint')}</Text>
        </Group>
      )}
      {notPdf && <Alert color="red" variant="light" role="alert">{t('files.pdfOnly')}</Alert>}
      <ErrorAlert error={add.error ?? remove.error} />
    </Stack>
  );
}
