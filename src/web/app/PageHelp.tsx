import { useId, useState } from 'react';
import { Text, UnstyledButton } from '@mantine/core';
import { useTexts } from '../i18n/texts.ts';
import { appTexts } from './text.ts';

/**
 * A page's short help (one or two sentences), folded away behind "Hướng dẫn" so that it does not push the work
 * down for those who know the page; the button says whether it is open (aria-expanded) and what it opens.
 */
export function PageHelp({ children }: { children: string }) {
  const { t } = useTexts(appTexts);
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div>
      <UnstyledButton aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}
        fz="sm" c="blue.8" td="underline" data-testid="page-help-toggle">
        {open ? t('common.helpHide') : t('common.help')}
      </UnstyledButton>
      <Text id={id} size="sm" hidden={!open} mt={4} maw={720} data-testid="page-help">{children}</Text>
    </div>
  );
}
