import { useState, type ReactNode } from 'react';
import { Button, Group, Text, type ButtonProps } from '@mantine/core';
import { AppModal } from './AppModal.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { useTexts } from '../i18n/texts.ts';
import { appTexts } from './text.ts';

interface Props extends Omit<ButtonProps, 'children'> {
  children: ReactNode;
  /** accessible name when the visible text alone is ambiguous; should start with the visible text */
  label?: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
}

/** A button that asks before doing something irreversible (delete, revoke). */
export function ConfirmButton({ children, label, question, confirmLabel, onConfirm, ...buttonProps }: Props) {
  const { t } = useTexts(appTexts);
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setOpened(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button aria-label={label} onClick={() => setOpened(true)} {...buttonProps}>
        {children}
      </Button>
      <AppModal opened={opened} onClose={() => setOpened(false)} title={t('common.confirm')}>
        <Text mb="md">{question}</Text>
        <ErrorAlert error={error} />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setOpened(false)}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
        </Group>
      </AppModal>
    </>
  );
}
