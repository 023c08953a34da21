import { Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A spinner that screen readers announce politely. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <Group gap="xs" role="status" py="md">
      <Loader size="sm" aria-hidden="true" />
      <Text>{t('common.loading')}</Text>
    </Group>
  );
}
