import type { ReactNode } from 'react';
import { Box, Container, Group, Text } from '@mantine/core';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

/** The frame of the public pages: no sign-in, no navigation of the signed-in app. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTexts(appTexts);
  return (
    <Box mih="100vh">
      <Box component="header" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between">
          <Text fw={700} fz="lg" c="blue.9">{t('app.name')}</Text>
          <LanguageSwitch />
        </Group>
      </Box>
      <Container component="main" id="main-content" size="lg" py="lg">
        {children}
      </Container>
    </Box>
  );
}
