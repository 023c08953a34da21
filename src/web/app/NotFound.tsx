import { Stack, Text, Title } from '@mantine/core';
import { AnchorLink } from './links.tsx';
import { usePageTitle } from './usePageTitle.ts';
import { useTexts } from '../i18n/texts.ts';
import { appTexts } from './text.ts';

export function NotFound() {
  const { t } = useTexts(appTexts);
  usePageTitle(t('app.notFoundTitle'));
  return (
    <Stack>
      <Title order={1}>{t('app.notFoundTitle')}</Title>
      <Text>{t('app.notFoundText')}</Text>
      <AnchorLink to="/">{t('app.backHome')}</AnchorLink>
    </Stack>
  );
}
