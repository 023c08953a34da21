import { useState } from 'react';
import { Alert, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { useBatchStep, useFinishAppraisal, useSubmitBatch } from './api.ts';
import { StepDialog } from './StepDialog.tsx';
import { nominationsTexts } from './text.ts';
import type { BatchDetail } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

type Dialog = 'request_approval' | 'send_back' | 'submit' | 'recall' | 'finish' | null;

/**
 * The batch's buttons, exactly those the server lists in `actions` for this user now. The standing
 * agency's accept/return are one "Kết thúc thẩm định": the server decides which from the verdicts.
 */
export function BatchActions({ detail }: { detail: BatchDetail }) {
  const { t } = useTexts(nominationsTexts);
  const { t: common } = useTexts(appTexts);
  const { batch, actions } = detail;
  const step = useBatchStep(batch.id);
  const submit = useSubmitBatch(batch.id);
  const finish = useFinishAppraisal(batch.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const has = (a: (typeof actions)[number]) => actions.includes(a);
  const canFinish = has('accept') || has('return');
  const error = step.error;

  if (actions.length === 0 && !notice) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="batch-actions">
      <Stack gap="sm">
        <Title order={2} size="h3" id="batch-actions">
          {t('actions.heading')}
        </Title>
        {notice && (
          <Alert color="green" variant="light" role="status" withCloseButton closeButtonLabel={common("common.close")} onClose={() => setNotice(null)} data-testid="batch-notice">
            {notice}
          </Alert>
        )}
        <ErrorAlert error={error} />
        <Group>
          {has('request_approval') && (
            <Button onClick={() => setDialog('request_approval')} data-testid="batch-action-request_approval">
              {t('actions.request_approval')}
            </Button>
          )}
          {has('submit') && (
            <Button onClick={() => setDialog('submit')} data-testid="batch-action-submit">
              {t('actions.submit')}
            </Button>
          )}
          {has('send_back') && (
            <Button variant="outline" color="orange" onClick={() => setDialog('send_back')} data-testid="batch-action-send_back">
              {t('actions.send_back')}
            </Button>
          )}
          {has('recall') && (
            <Button variant="outline" color="red.9" onClick={() => setDialog('recall')} data-testid="batch-action-recall">
              {t('actions.recall')}
            </Button>
          )}
          {has('open_appraisal') && (
            <Button
              loading={step.isPending}
              onClick={() => {
                setNotice(null);
                step.mutate({ path: 'open-appraisal' }, { onSuccess: () => setNotice(t('actions.done')) });
              }}
              data-testid="batch-action-open_appraisal"
            >
              {t('actions.open_appraisal')}
            </Button>
          )}
          {canFinish && (
            <Button onClick={() => setDialog('finish')} data-testid="batch-action-finish">
              {t('actions.finish_appraisal')}
            </Button>
          )}
        </Group>
      </Stack>
      <StepDialog
        opened={dialog === 'request_approval'}
        title={t('actions.requestApprovalTitle')}
        question={t('actions.confirmRequestApproval', { receiving: batch.receiving.name })}
        confirmLabel={detail.missingDocuments.length ? t('actions.sendAnyway') : t('actions.request_approval')}
        testId="batch-request-approval"
        onClose={() => setDialog(null)}
        onConfirm={async () => {
          await step.mutateAsync({ path: 'request-approval' });
          setNotice(t('actions.done'));
        }}
      >
        <MissingDocuments detail={detail} />
      </StepDialog>
      <StepDialog
        opened={dialog === 'recall'}
        title={t('actions.recallTitle')}
        question={t('actions.confirmRecall', { receiving: batch.receiving.name })}
        confirmLabel={t('actions.recall')}
        withReason
        testId="batch-recall"
        onClose={() => setDialog(null)}
        onConfirm={async (reason) => {
          await step.mutateAsync({ path: 'recall', reason });
          setNotice(t('actions.recalled'));
        }}
      />
      <StepDialog
        opened={dialog === 'send_back'}
        title={t('actions.sendBackTitle')}
        confirmLabel={t('actions.send_back')}
        withReason
        testId="batch-send-back"
        onClose={() => setDialog(null)}
        onConfirm={async (reason) => {
          await step.mutateAsync({ path: 'send-back', reason });
          setNotice(t('actions.done'));
        }}
      />
      <StepDialog
        opened={dialog === 'submit'}
        title={t('actions.submit')}
        question={t('actions.confirmSubmit', { receiving: batch.receiving.name })}
        confirmLabel={t('actions.submit')}
        testId="batch-submit"
        onClose={() => setDialog(null)}
        onConfirm={async () => {
          const { receiptNumber } = await submit.mutateAsync();
          setNotice(t('actions.submitted', { receipt: receiptNumber }));
        }}
      />
      <StepDialog
        opened={dialog === 'finish'}
        title={t('actions.finish_appraisal')}
        question={t('actions.confirmFinish')}
        confirmLabel={t('actions.finish_appraisal')}
        testId="batch-finish"
        onClose={() => setDialog(null)}
        onConfirm={async () => {
          const { status } = await finish.mutateAsync();
          setNotice(status === 'returned' ? t('actions.finishedReturned') : t('actions.finishedAccepted'));
        }}
      />
    </Paper>
  );
}

/** What the head will find missing (the server's list, the same that refuses the submission), per candidate. */
function MissingDocuments({ detail }: { detail: BatchDetail }) {
  const { t } = useTexts(nominationsTexts);
  const missing = detail.missingDocuments;
  if (missing.length === 0) return null;
  const name = (id: string | null) => (id ? detail.candidates.find((c) => c.id === id)?.name ?? '' : t('dossier.wholeBatch'));
  return (
    <Alert color="red" variant="light" data-testid="batch-request-approval-missing">
      <Text size="sm" fw={600}>{t('actions.missingWarning', { count: missing.length })}</Text>
      <List size="sm" mt={4}>
        {missing.map((m) => (
          <List.Item key={`${m.kind}-${m.candidateId ?? ''}`}>{t('actions.missingFor', { kind: t(`dossier.kinds.${m.kind}`), name: name(m.candidateId) })}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
