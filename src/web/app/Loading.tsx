import { Group, Loader, Text } from '@mantine/core';
import { useTexts } from '../i18n/texts.ts';
import { appTexts } from './text.ts';

/** A spinner that screen readers announce politely. */
export function Loading() {
  const { t } = useTexts(appTexts);
  return (
    <Group gap="xs" role="status" py="md">
      <Loader size="sm" aria-hidden="true" />
      <Text>{t('common.loading')}</Text>
    </Group>
  );
}
