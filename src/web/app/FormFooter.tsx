import type { ReactNode } from 'react';
import { Button, Group } from '@mantine/core';
import { ErrorAlert } from './ErrorAlert.tsx';
import { useTexts } from '../i18n/texts.ts';
import { appTexts } from './text.ts';

/** The foot of every dialog form: the server's error, then Cancel and the submit button. */
export function FormFooter({ error, busy, disabled, onCancel, submitLabel }: {
  error: unknown; busy: boolean; disabled?: boolean; onCancel: () => void; submitLabel: ReactNode;
}) {
  const { t } = useTexts(appTexts);
  return (
    <>
      <ErrorAlert error={error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={busy} disabled={disabled}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
