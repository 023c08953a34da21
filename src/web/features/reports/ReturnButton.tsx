import { useState } from 'react';
import { Button, Group, Textarea } from '@mantine/core';
import { AppModal } from '../../app/AppModal.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { useReturnReport } from './api.ts';
import { reportsTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

/** The receiving level sends a report back, saying why (the server refuses a return without a reason). */
export function ReturnButton({ phaseId, organisationId }: { phaseId: string; organisationId: string }) {
  const { t } = useTexts(reportsTexts);
  const { t: common } = useTexts(appTexts);
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const back = useReturnReport(phaseId, organisationId);
  return (
    <>
      <Button variant="default" color="red" onClick={() => setOpened(true)} data-testid="report-return">{t('returnAction')}</Button>
      <AppModal opened={opened} onClose={() => setOpened(false)} title={t('returnTitle')}>
        <Textarea label={t('returnReason')} required autosize minRows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)}
          data-testid="report-return-reason" />
        <ErrorAlert error={back.error} />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setOpened(false)}>{common('common.cancel')}</Button>
          <Button color="red" loading={back.isPending} disabled={reason.trim() === ''}
            onClick={() => back.mutate(reason, { onSuccess: () => setOpened(false) })} data-testid="report-return-confirm">
            {t('returnConfirm')}
          </Button>
        </Group>
      </AppModal>
    </>
  );
}
