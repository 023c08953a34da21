import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { AppModal } from '../../app/AppModal.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { nominationsTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

/**
 * A dialog for one step of the workflow: a question, what the step should know (`children`: the missing
 * documents, the document to supply), and a reason when the step needs one (sending back, returning or
 * rejecting a candidate, withdrawing, recalling). The server's refusal is shown in it, and it stays open.
 */
export function StepDialog({ opened, title, question, children, confirmLabel, withReason, onClose, onConfirm, testId }: {
  opened: boolean;
  title: string;
  question?: string;
  children?: ReactNode;
  confirmLabel: string;
  withReason?: boolean;
  onClose: () => void;
  onConfirm: (reason: string) => Promise<unknown>;
  testId?: string;
}) {
  const { t } = useTexts(nominationsTexts);
  const { t: common } = useTexts(appTexts);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);

  const close = () => {
    setReason('');
    setError(null);
    setMissing(false);
    onClose();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (withReason && !reason.trim()) return setMissing(true);
    setBusy(true);
    setError(null);
    try {
      await onConfirm(reason.trim());
      close();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AppModal opened={opened} onClose={close} title={title}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          {question && <Text>{question}</Text>}
          {children}
          {withReason && (
            <Textarea
              label={t('actions.reason')}
              required
              autosize
              minRows={3}
              maxLength={2000}
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setMissing(false);
              }}
              error={missing ? t('actions.reasonRequired') : undefined}
              data-testid={testId ? `${testId}-reason` : undefined}
              data-autofocus
            />
          )}
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {common('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid={testId ? `${testId}-confirm` : undefined}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
