import { useState } from 'react';
import { Button, Group, NumberInput, Stack } from '@mantine/core';
import { ConfirmButton } from '../../app/ConfirmButton.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { useConfigureSheet, useMoveSheet } from './api.ts';
import { clustersTexts } from './text.ts';
import type { Sheet } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';

const MOVES = ['open', 'close', 'rank', 'reopen'] as const;

/** The lifecycle buttons the server offers this actor now, and the numbers to propose (the organiser). */
export function SheetActions({ sheet }: { sheet: Sheet }) {
  const { t } = useTexts(clustersTexts);
  const move = useMoveSheet(sheet.id);
  const configure = useConfigureSheet(sheet.id);
  const [flagCount, setFlagCount] = useState<number | string>(sheet.flagCount);
  const [bangKhenCount, setBangKhenCount] = useState<number | string>(sheet.bangKhenCount);
  const moves = MOVES.filter((a) => sheet.me.actions.includes(a));
  return (
    <Stack mt="md" gap="sm">
      {sheet.me.actions.includes('configure') && (
        <Group align="end" wrap="wrap">
          <NumberInput label={t('sheet.flagCount')} min={0} max={50} allowDecimal={false} allowNegative={false} w={220}
            value={flagCount} onChange={setFlagCount} />
          <NumberInput label={t('sheet.bangKhenCount')} min={0} max={50} allowDecimal={false} allowNegative={false} w={260}
            value={bangKhenCount} onChange={setBangKhenCount} />
          <Button variant="default" loading={configure.isPending}
            onClick={() => configure.mutate({ flagCount: Number(flagCount), bangKhenCount: Number(bangKhenCount) })}>
            {t('sheet.saveSettings')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={configure.error} />
      {moves.length > 0 && (
        <Group>
          {moves.map((a) => (
            <ConfirmButton key={a} variant={a === 'reopen' ? 'default' : 'filled'} question={t(`sheet.questions.${a}`)}
              confirmLabel={t(`sheet.actions.${a}`)} onConfirm={() => move.mutateAsync(a)}>
              {t(`sheet.actions.${a}`)}
            </ConfirmButton>
          ))}
        </Group>
      )}
    </Stack>
  );
}
