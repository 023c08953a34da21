import type { ReactNode } from 'react';
import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { HealthFooter } from '../../app/HealthFooter.tsx';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

/** The frame of the pages one opens without signing in (forgotten password, setting one), like the sign-in page's. */
export function PublicFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTexts(appTexts);
  usePageTitle(title);
  return (
    <Box mih="100vh" style={{ display: 'flex', flexDirection: 'column' }}>
      <Box component="header" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700} fz="lg" c="blue.9">
            {t('app.name')}
          </Text>
          <LanguageSwitch />
        </Group>
      </Box>
      <Center component="main" id="main-content" style={{ flex: 1 }} p="md">
        <Paper withBorder shadow="sm" p="xl" w="100%" maw={460}>
          <Stack>
            <Title order={1} size="h2">
              {title}
            </Title>
            {children}
          </Stack>
        </Paper>
      </Center>
      <Box component="footer" px="md" py="xs">
        <HealthFooter />
      </Box>
    </Box>
  );
}
