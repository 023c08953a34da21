import { useState } from 'react';
import { Alert, Button, Group, List, Loader, Stack, Text } from '@mantine/core';
import { AppModal } from '../../app/AppModal.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { ButtonLink } from '../../app/links.tsx';
import { useAddQualifying, useQualifying } from './api.ts';
import { nominationsTexts } from './text.ts';
import type { BatchDetail } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';

/**
 * "Thêm tất cả người đủ tiêu chuẩn" (issue 17.7): the confirmation counts who would be added (the server's own
 * list: qualified, of the unit, not yet nominated) and names the first of them; one click adds them all.
 * Beside it, the link to the list import.
 */
export function BulkCandidateButtons({ detail }: { detail: BatchDetail }) {
  const { t } = useTexts(nominationsTexts);
  const { batch } = detail;
  const [opened, setOpened] = useState(false);
  const [added, setAdded] = useState<number | null>(null);
  return (
    <>
      <Button variant="light" onClick={() => { setAdded(null); setOpened(true); }} data-testid="candidates-add-all">
        {t('bulk.addAll')}
      </Button>
      <ButtonLink to="/de-nghi/$batchId/nhap-danh-sach" params={{ batchId: batch.id }} variant="default" data-testid="candidates-import">
        {t('bulk.importLink')}
      </ButtonLink>
      <AppModal opened={opened} onClose={() => setOpened(false)} title={t('bulk.addAllHeading')} size="lg">
        {opened && <AddAllConfirm detail={detail} onDone={(count) => { setAdded(count); setOpened(false); }} onClose={() => setOpened(false)} />}
      </AppModal>
      {added !== null && (
        <Alert color="green" variant="light" role="status" w="100%" data-testid="candidates-added" withCloseButton closeButtonLabel={t('bulk.closeNotice')} onClose={() => setAdded(null)}>
          {t('bulk.added', { count: added })}
        </Alert>
      )}
    </>
  );
}

function AddAllConfirm({ detail, onDone, onClose }: { detail: BatchDetail; onDone: (count: number) => void; onClose: () => void }) {
  const { t } = useTexts(nominationsTexts);
  const { batch } = detail;
  const preview = useQualifying(batch.id, true);
  const add = useAddQualifying(batch.id);
  const summary = preview.data;
  return (
    <Stack gap="sm" data-testid="add-all-dialog">
      <Text size="sm">{t('bulk.addAllIntro', { unit: batch.organisation.name, form: batch.awardFormName, year: batch.year })}</Text>
      {preview.isPending && <Group gap="xs" role="status"><Loader size="sm" /><Text size="sm">{t('bulk.counting')}</Text></Group>}
      <ErrorAlert error={preview.error ?? add.error} />
      {summary && (summary.total === 0
        ? <Alert color="gray" variant="light" data-testid="add-all-none">{t('bulk.nobody')}</Alert>
        : (
          <>
            <Text fw={600} data-testid="add-all-count" data-total={summary.total}>
              {t('bulk.willAdd', { total: summary.total, individuals: summary.individuals, collectives: summary.collectives })}
            </Text>
            <List size="sm" aria-label={t('bulk.namesCaption')}>
              {summary.names.map((name, i) => <List.Item key={`${i}-${name}`}>{name}</List.Item>)}
              {summary.total > summary.names.length && <List.Item>{t('bulk.more', { count: summary.total - summary.names.length })}</List.Item>}
            </List>
          </>
        ))}
      <Group justify="flex-end" mt="sm">
        <Button variant="default" onClick={onClose}>{t('bulk.cancel')}</Button>
        <Button onClick={() => add.mutate(undefined, { onSuccess: (r) => onDone(r.added) })} disabled={!summary || summary.total === 0}
          loading={add.isPending} data-testid="add-all-confirm">
          {t('bulk.confirm', { total: summary?.total ?? 0 })}
        </Button>
      </Group>
    </Stack>
  );
}
