import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from './links.tsx';
import { usePageTitle } from './usePageTitle.ts';

export function NotFound() {
  const { t } = useTranslation();
  usePageTitle(t('app.notFoundTitle'));
  return (
    <Stack>
      <Title order={1}>{t('app.notFoundTitle')}</Title>
      <Text>{t('app.notFoundText')}</Text>
      <AnchorLink to="/">{t('app.backHome')}</AnchorLink>
    </Stack>
  );
}
