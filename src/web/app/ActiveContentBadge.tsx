import { Badge, Tooltip } from '@mantine/core';
import { useTexts } from '../i18n/texts.ts';
import { appTexts } from './text.ts';

/**
 * A warning beside an uploaded PDF in which something can act when it is opened (scripts, actions, embedded
 * files — the server lists them): a signed scan has none, so the officer looks twice before opening it.
 */
export function ActiveContentBadge({ activeContent }: { activeContent: readonly string[] }) {
  const { t } = useTexts(appTexts);
  if (activeContent.length === 0) return null;
  return (
    <Tooltip label={t('files.activeContentHint', { what: activeContent.join(', ') })} multiline w={320} withArrow>
      <Badge color="orange" variant="light" size="sm" data-testid="active-content">{t('files.activeContent')}</Badge>
    </Tooltip>
  );
}
